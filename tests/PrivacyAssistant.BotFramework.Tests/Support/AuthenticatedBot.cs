using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Testing.BotConnector;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.BotFramework.Tests.Support;

/// <summary>
/// A single-tenant bot with authentication on, wired to loopback fakes: OpenID metadata and keys
/// (Bot Framework and Entra ID), the Entra token endpoint (for MSAL), and a Bot Connector.
/// </summary>
public sealed class AuthenticatedBot : IAsyncDisposable
{
    public const string AppId = "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    public const string TenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string ClientSecret = "test-secret-value";

    private AuthenticatedBot(OpenIdMetadataServer metadata, FakeBotConnector connector, FakeEntraTokenEndpoint entra, TestEndpointHost host)
    {
        Metadata = metadata;
        Connector = connector;
        Entra = entra;
        Host = host;
    }

    public OpenIdMetadataServer Metadata { get; }

    public FakeBotConnector Connector { get; }

    public FakeEntraTokenEndpoint Entra { get; }

    public TestEndpointHost Host { get; }

    public static async Task<AuthenticatedBot> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var metadata = await OpenIdMetadataServer.StartAsync();
        var connector = await FakeBotConnector.StartAsync();
        var entra = await FakeEntraTokenEndpoint.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AuthType"] = "SingleTenant",
            ["Bot:TenantId"] = TenantId,
            ["Bot:ClientSecret"] = ClientSecret,
            ["Bot:OAuthAuthority"] = entra.AuthorityFor(TenantId),
            ["Bot:OpenIdMetadataUrl"] = metadata.BotFrameworkMetadataUrl,
            ["Bot:EntraOpenIdMetadataUrl"] = metadata.EntraMetadataUrl,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var host = await TestEndpointHost.StartAsync(configuration, services =>
            services.AddHttpClient(BotHttpClients.Msal).ConfigurePrimaryHttpMessageHandler(entra.CreateTrustingHandler));
        return new AuthenticatedBot(metadata, connector, entra, host);
    }

    public string ValidToken(Func<Testing.Identity.TestToken, Testing.Identity.TestToken>? customize = null) =>
        Metadata.IssueBotFrameworkToken(AppId, Connector.ServiceUrl, customize);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Entra.DisposeAsync();
        await Metadata.DisposeAsync();
    }
}
