namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Published endpoints and values of Bot Framework authentication (bot-docs, "Authentication with the Bot Connector API").</summary>
public static class BotAuthenticationConstants
{
    /// <summary>Issuer of tokens the Bot Connector service sends to bots.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>OpenID metadata of the Bot Connector service.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata of Entra ID (common); its keys sign v1 and v2 tokens of every tenant.</summary>
    public const string EntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Scope of tokens the bot requests to call the connector.</summary>
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>Resource (audience) of the connector, for managed identity.</summary>
    public const string BotFrameworkResource = "https://api.botframework.com";

    /// <summary>Entra ID login host.</summary>
    public const string EntraLoginHost = "https://login.microsoftonline.com";

    /// <summary>Tenant of the multi-tenant bot token authority.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>Tokens are accepted up to this long before <c>nbf</c> and after <c>exp</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are re-fetched at least this often (the spec asks for at least daily).</summary>
    public static readonly TimeSpan MetadataRefreshInterval = TimeSpan.FromHours(12);
}
