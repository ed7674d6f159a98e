using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>
/// MultiTenant and SingleTenant bots: client credentials (secret or certificate) with MSAL against
/// <c>login.microsoftonline.com/botframework.com</c> or the bot's own tenant, scope
/// <c>https://api.botframework.com/.default</c>. MSAL caches the token until shortly before expiry.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _application;
    private readonly string[] _scopes;

    /// <summary>Creates the provider; the MSAL application is built on first use.</summary>
    public MsalBotTokenProvider(IOptions<BotOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var botOptions = options.Value;
        _scopes = [botOptions.OAuthScope];
        _application = new Lazy<IConfidentialClientApplication>(() => Build(botOptions, httpClientFactory));
    }

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.Value.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    /// <summary>The authority the provider uses for these options.</summary>
    public static string AuthorityFor(BotOptions options) => options.OAuthAuthority?.TrimEnd('/') ?? options.AuthType switch
    {
        BotAuthType.MultiTenant => $"{BotAuthenticationConstants.EntraLoginHost}/{BotAuthenticationConstants.BotFrameworkTenant}",
        _ => $"{BotAuthenticationConstants.EntraLoginHost}/{options.TenantId}",
    };

    private static IConfidentialClientApplication Build(BotOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithAuthority(AuthorityFor(options), validateAuthority: options.OAuthAuthority is null)
            .WithHttpClientFactory(httpClientFactory)
            .WithLogging((_, _, _) => { }, LogLevel.Error, enablePiiLogging: false, enableDefaultPlatformLogging: false);

        // A custom authority (sovereign cloud, tests) is not in MSAL's list of known hosts.
        if (options.OAuthAuthority is not null)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        builder = string.IsNullOrEmpty(options.ClientSecret)
            ? builder.WithCertificate(LoadCertificate(options), options.SendCertificateChain)
            : builder.WithClientSecret(options.ClientSecret);
        return builder.Build();
    }

    private static X509Certificate2 LoadCertificate(BotOptions options)
    {
        var path = options.CertificatePath ?? throw new InvalidOperationException("Bot:CertificatePath is not set.");
        return string.IsNullOrEmpty(options.CertificateKeyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword)
            : X509Certificate2.CreateFromPemFile(path, options.CertificateKeyPath);
    }
}
