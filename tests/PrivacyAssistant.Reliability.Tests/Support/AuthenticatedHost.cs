using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework;
using PrivacyAssistant.Testing.BotConnector;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// The real host, single-tenant with authentication on, wired to loopback fakes: OpenID metadata
/// publishing three Bot Framework keys (Teams-endorsed, web-chat-only, and one without
/// endorsements), the Entra token endpoint (outgoing tokens) and a Bot Connector (replies).
/// </summary>
public sealed class AuthenticatedHost : IAsyncLifetime
{
    public const string AppId = "5c0ffee0-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
    public const string TenantId = "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6";

    private KestrelBotFactory factory = null!;

    public OpenIdMetadataServer Metadata { get; private set; } = null!;

    public FakeBotConnector Connector { get; private set; } = null!;

    public FakeEntraTokenEndpoint Entra { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Published, endorsed for <c>msteams</c>, <c>webchat</c> and <c>directline</c>; signs valid tokens.</summary>
    public TestSigningKey TeamsKey { get; private set; } = null!;

    /// <summary>Published, endorsed for <c>webchat</c> only.</summary>
    public TestSigningKey WebChatKey { get; } = TestSigningKey.Create(["webchat"]);

    /// <summary>Published without an <c>endorsements</c> property.</summary>
    public TestSigningKey UnendorsedKey { get; } = TestSigningKey.Create();

    public async Task InitializeAsync()
    {
        Metadata = await OpenIdMetadataServer.StartAsync();
        TeamsKey = Metadata.BotFrameworkKey;
        Metadata.PublishBotFrameworkKeys(TeamsKey, WebChatKey, UnendorsedKey);
        Connector = await FakeBotConnector.StartAsync();
        Entra = await FakeEntraTokenEndpoint.StartAsync();
        factory = new KestrelBotFactory(
            new Dictionary<string, string?>
            {
                ["Bot:AppId"] = AppId,
                ["Bot:AuthType"] = "SingleTenant",
                ["Bot:TenantId"] = TenantId,
                ["Bot:ClientSecret"] = "reliability-secret",
                ["Bot:OAuthAuthority"] = Entra.AuthorityFor(TenantId),
                ["Bot:OpenIdMetadataUrl"] = Metadata.BotFrameworkMetadataUrl,
                ["Bot:EntraOpenIdMetadataUrl"] = Metadata.EntraMetadataUrl,
            },
            services => services.AddHttpClient(BotHttpClients.Msal).ConfigurePrimaryHttpMessageHandler(Entra.CreateTrustingHandler));
        Client = factory.StartAndCreateClient();
    }

    /// <summary>A token the bot must accept for a Teams activity with <see cref="FakeBotConnector.ServiceUrl"/>.</summary>
    public string ValidToken(Func<TestToken, TestToken>? customize = null) =>
        Metadata.IssueBotFrameworkToken(AppId, Connector.ServiceUrl, customize);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        await Connector.DisposeAsync();
        await Entra.DisposeAsync();
        await Metadata.DisposeAsync();
    }
}
