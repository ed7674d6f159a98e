using PrivacyAssistant.BotFramework.Authentication;

namespace PrivacyAssistant.BotFramework;

/// <summary>
/// The <c>Bot</c> configuration section: identity of the bot registration, how it authenticates,
/// and protocol limits. Without <see cref="AppId"/> the bot runs in local mode: no tokens are
/// checked or sent, and the host only listens on loopback.
/// </summary>
public sealed class BotOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>Microsoft App ID of the Azure Bot registration (Entra app client id). Empty = local mode.</summary>
    public string? AppId { get; set; }

    /// <summary>How the bot authenticates; single-tenant is the default for new registrations.</summary>
    public BotAuthType AuthType { get; set; } = BotAuthType.SingleTenant;

    /// <summary>Entra ID tenant of the registration. Required for SingleTenant and UserAssignedMSI.</summary>
    public string? TenantId { get; set; }

    /// <summary>Client secret of the app registration (MultiTenant/SingleTenant). Prefer a certificate or managed identity.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Path of a certificate with private key (PFX, or PEM with <see cref="CertificateKeyPath"/>) for MultiTenant/SingleTenant.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of a PFX <see cref="CertificatePath"/>.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Private key file of a PEM <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Send the certificate chain (x5c) so Entra ID can use subject name/issuer authentication.</summary>
    public bool SendCertificateChain { get; set; }

    /// <summary>OpenID metadata of the Bot Connector service (issuer <c>https://api.botframework.com</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = BotAuthenticationConstants.BotFrameworkOpenIdMetadataUrl;

    /// <summary>OpenID metadata whose keys sign Entra ID tokens (v1 and v2).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = BotAuthenticationConstants.EntraOpenIdMetadataUrl;

    /// <summary>
    /// Overrides the token authority for outgoing calls (default: <c>https://login.microsoftonline.com/botframework.com</c>
    /// for MultiTenant, <c>https://login.microsoftonline.com/{TenantId}</c> for SingleTenant). For sovereign clouds and tests.
    /// </summary>
    public string? OAuthAuthority { get; set; }

    /// <summary>Scope requested for outgoing calls to the connector.</summary>
    public string OAuthScope { get; set; } = BotAuthenticationConstants.BotFrameworkScope;

    /// <summary>
    /// Apps whose Entra ID tokens may call the bot (<c>appid</c>/<c>azp</c> claim). Empty = only the bot's own app id,
    /// which is what a client using the bot's own registration (e.g. the Agents Playground with credentials) presents.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>Largest accepted <c>/api/messages</c> body; larger bodies get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Retries of connector calls on throttling and gateway errors.</summary>
    public ConnectorRetryOptions ConnectorRetry { get; set; } = new();

    /// <summary>True when no app id is configured: no tokens, loopback only.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
