namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Handles a message nothing else took (no matching <see cref="IMessageHandler"/>, or an
/// Action.Submit with an unknown verb). One per bot: <c>services.SetFallbackHandler&lt;T&gt;()</c>.
/// </summary>
public interface IFallbackHandler
{
    /// <summary>Handles the message.</summary>
    Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}
