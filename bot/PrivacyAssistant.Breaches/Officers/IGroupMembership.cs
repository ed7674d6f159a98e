namespace PrivacyAssistant.Breaches.Officers;

/// <summary>Whether a user is a (transitive) member of an Entra group.</summary>
public interface IGroupMembership
{
    Task<bool> IsMemberAsync(string userObjectId, string groupId, CancellationToken cancellationToken);
}
