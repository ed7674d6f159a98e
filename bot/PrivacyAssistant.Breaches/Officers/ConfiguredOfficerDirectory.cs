using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Breaches.Officers;

/// <summary>
/// Officers are the Entra object ids in <c>Breaches:Officers</c>, plus members of
/// <c>Breaches:OfficerGroupId</c> when an <see cref="IGroupMembership"/> is available (Graph).
/// </summary>
public sealed class ConfiguredOfficerDirectory(IOptions<BreachesOptions> options, IGroupMembership? groups = null) : IOfficerDirectory
{
    public IReadOnlyList<string> ConfiguredOfficers => options.Value.Officers;

    public async Task<bool> IsOfficerAsync(string? aadObjectId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return false;
        }

        if (options.Value.Officers.Any(id => string.Equals(id.Trim(), aadObjectId, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return options.Value.OfficerGroupId is { Length: > 0 } group && groups is not null
            && await groups.IsMemberAsync(aadObjectId, group, cancellationToken);
    }
}
