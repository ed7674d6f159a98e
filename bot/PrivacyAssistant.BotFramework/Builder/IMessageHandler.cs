namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Handles message activities it <see cref="Matches"/>. Register with
/// <c>services.AddMessageHandler&lt;T&gt;(order)</c>; handlers are tried in order and the first match
/// handles the message. A singleton, resolved once by the <see cref="TurnRouter"/>.
/// </summary>
public interface IMessageHandler
{
    /// <summary>True if this handler takes the message (cheap; no I/O).</summary>
    bool Matches(ITurnContext turn);

    /// <summary>Handles the message.</summary>
    Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}
