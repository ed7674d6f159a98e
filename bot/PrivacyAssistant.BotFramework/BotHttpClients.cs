namespace PrivacyAssistant.BotFramework;

/// <summary>
/// Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients the protocol layer uses.
/// Tests point them at loopback servers by configuring their primary handlers.
/// </summary>
public static class BotHttpClients
{
    /// <summary>Calls to the Bot Connector service (replies, updates, conversations).</summary>
    public const string Connector = "PrivacyAssistant.BotFramework.Connector";

    /// <summary>Fetches OpenID metadata and signing keys.</summary>
    public const string OpenIdMetadata = "PrivacyAssistant.BotFramework.OpenIdMetadata";

    /// <summary>MSAL's calls to the Entra ID token endpoint.</summary>
    public const string Msal = "PrivacyAssistant.BotFramework.Msal";
}
