namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Called when a handler throws, e.g. to apologise to the user. One per bot:
/// <c>services.SetTurnErrorHandler&lt;T&gt;()</c>. The exception has been logged (type only) already.
/// </summary>
public interface ITurnErrorHandler
{
    /// <summary>Reacts to the failed turn; must not throw.</summary>
    Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken);
}
