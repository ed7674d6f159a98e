namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Reacts to members joining (e.g. a welcome). Every registered handler runs. Register with
/// <c>services.AddMembersAddedHandler&lt;T&gt;()</c>.
/// </summary>
public interface IMembersAddedHandler
{
    /// <summary>Called for a conversationUpdate with members added.</summary>
    Task OnMembersAddedAsync(ITurnContext turn, MembersAddedEvent added, CancellationToken cancellationToken);
}
