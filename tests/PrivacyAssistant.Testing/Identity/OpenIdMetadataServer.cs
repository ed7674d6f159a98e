using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrivacyAssistant.Testing.Http;

namespace PrivacyAssistant.Testing.Identity;

/// <summary>
/// Serves OpenID metadata and JWKS on 127.0.0.1 the way the Bot Connector service
/// (<c>login.botframework.com</c>, keys with <c>endorsements</c>) and Entra ID do, and issues tokens
/// signed with those keys. Point <c>Bot:OpenIdMetadataUrl</c> and <c>Bot:EntraOpenIdMetadataUrl</c> here.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    /// <summary>Issuer of Bot Connector tokens.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly LoopbackServer _server;
    private readonly Lock _lock = new();
    private List<TestSigningKey> _botFrameworkKeys;
    private List<TestSigningKey> _entraKeys;
    private int _botFrameworkKeyFetches;

    private OpenIdMetadataServer(LoopbackServer server, TestSigningKey botFrameworkKey, TestSigningKey entraKey)
    {
        _server = server;
        BotFrameworkKey = botFrameworkKey;
        EntraKey = entraKey;
        _botFrameworkKeys = [botFrameworkKey];
        _entraKeys = [entraKey];
    }

    /// <summary>The Bot Framework key tokens are signed with by default (endorsed for msteams, webchat, directline).</summary>
    public TestSigningKey BotFrameworkKey { get; private set; }

    /// <summary>The Entra ID key tokens are signed with by default.</summary>
    public TestSigningKey EntraKey { get; }

    /// <summary>Bot Framework metadata URL (like <c>https://login.botframework.com/v1/.well-known/openidconfiguration</c>).</summary>
    public string BotFrameworkMetadataUrl => new Uri(_server.BaseAddress, "botframework/v1/.well-known/openidconfiguration").AbsoluteUri;

    /// <summary>Entra ID metadata URL (like <c>https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration</c>).</summary>
    public string EntraMetadataUrl => new Uri(_server.BaseAddress, "entra/common/v2.0/.well-known/openid-configuration").AbsoluteUri;

    /// <summary>How often the Bot Framework JWKS was fetched (to check caching and refresh).</summary>
    public int BotFrameworkKeyFetches => Volatile.Read(ref _botFrameworkKeyFetches);

    /// <summary>Starts the server with fresh keys.</summary>
    public static async Task<OpenIdMetadataServer> StartAsync()
    {
        OpenIdMetadataServer? self = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/botframework/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Json(new JsonObject
            {
                ["issuer"] = BotFrameworkIssuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com/v1/auth/authorize",
                ["jwks_uri"] = Url(http, "/botframework/v1/.well-known/keys"),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }));
            app.MapGet("/botframework/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref self!._botFrameworkKeyFetches);
                return Results.Json(self.Jwks(self._botFrameworkKeys));
            });
            app.MapGet("/entra/common/v2.0/.well-known/openid-configuration", (HttpContext http) => Results.Json(new JsonObject
            {
                ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
                ["authorization_endpoint"] = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                ["token_endpoint"] = "https://login.microsoftonline.com/common/oauth2/v2.0/token",
                ["jwks_uri"] = Url(http, "/entra/common/discovery/v2.0/keys"),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }));
            app.MapGet("/entra/common/discovery/v2.0/keys", () => Results.Json(self!.Jwks(self._entraKeys)));
        });
        self = new OpenIdMetadataServer(server, TestSigningKey.Create(["msteams", "webchat", "directline"]), TestSigningKey.Create());
        return self;
    }

    /// <summary>Publishes these Bot Framework keys instead (key rollover); the first becomes the default signing key.</summary>
    public void PublishBotFrameworkKeys(params TestSigningKey[] keys)
    {
        lock (_lock)
        {
            _botFrameworkKeys = [.. keys];
            BotFrameworkKey = keys[0];
        }
    }

    /// <summary>A valid Bot Connector token for <paramref name="appId"/> and <paramref name="serviceUrl"/>; <paramref name="customize"/> forges it.</summary>
    public string IssueBotFrameworkToken(string appId, string serviceUrl, Func<TestToken, TestToken>? customize = null)
    {
        var now = DateTimeOffset.UtcNow;
        var token = new TestToken(
            BotFrameworkIssuer,
            appId,
            now.AddMinutes(-1),
            now.AddMinutes(59),
            new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            BotFrameworkKey);
        return (customize?.Invoke(token) ?? token).Sign();
    }

    /// <summary>
    /// A valid Entra ID token from <paramref name="callerAppId"/> to <paramref name="audience"/> in
    /// <paramref name="tenantId"/>: v1 (<c>sts.windows.net</c>, <c>appid</c>) or v2 (<c>login.microsoftonline.com/…/v2.0</c>, <c>azp</c>).
    /// </summary>
    public string IssueEntraToken(string tenantId, string audience, string callerAppId, int version = 2, Func<TestToken, TestToken>? customize = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = version == 1
            ? new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = callerAppId, ["tid"] = tenantId }
            : new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = callerAppId, ["tid"] = tenantId };
        var issuer = version == 1 ? $"https://sts.windows.net/{tenantId}/" : $"https://login.microsoftonline.com/{tenantId}/v2.0";
        var token = new TestToken(issuer, audience, now.AddMinutes(-1), now.AddMinutes(59), claims, EntraKey);
        return (customize?.Invoke(token) ?? token).Sign();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private JsonObject Jwks(List<TestSigningKey> keys)
    {
        lock (_lock)
        {
            return new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode?)k.ToJwk()).ToArray()) };
        }
    }

    private static string Url(HttpContext http, string path) => $"{http.Request.Scheme}://{http.Request.Host}{path}";
}
