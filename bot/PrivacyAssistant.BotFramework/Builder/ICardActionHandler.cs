namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Handles card actions by verb, whether they came as Action.Execute or Action.Submit. Register with
/// <c>services.AddCardAction&lt;T&gt;("verb")</c> (a verb ending in <c>.*</c> matches a prefix).
/// Resolved from DI per turn.
/// </summary>
public interface ICardActionHandler
{
    /// <summary>Carries out <paramref name="action"/>; may also send messages through <paramref name="turn"/>.</summary>
    Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken);
}
