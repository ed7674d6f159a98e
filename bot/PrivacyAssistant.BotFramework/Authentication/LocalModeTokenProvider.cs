namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Local mode: the bot sends no token.</summary>
public sealed class LocalModeTokenProvider : IBotTokenProvider
{
    /// <inheritdoc />
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
