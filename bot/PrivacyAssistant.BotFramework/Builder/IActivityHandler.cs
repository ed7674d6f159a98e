namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Handles activities of another type (e.g. <c>installationUpdate</c>, <c>messageReaction</c>).
/// Every handler registered for the type runs. Register with <c>services.AddActivityHandler&lt;T&gt;("type")</c>.
/// </summary>
public interface IActivityHandler
{
    /// <summary>Handles the activity.</summary>
    Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}
