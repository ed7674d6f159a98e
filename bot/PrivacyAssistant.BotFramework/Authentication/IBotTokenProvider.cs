namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Gets the access token the bot presents to the Bot Connector service.</summary>
public interface IBotTokenProvider
{
    /// <summary>A bearer token for the connector, or null in local mode (no token is sent).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
