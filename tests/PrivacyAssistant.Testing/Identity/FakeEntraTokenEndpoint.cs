using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrivacyAssistant.Testing.Http;

namespace PrivacyAssistant.Testing.Identity;

/// <summary>
/// Entra ID's token endpoint on https://127.0.0.1 (<c>/{tenant}/oauth2/v2.0/token</c>, client
/// credentials), for MSAL and Azure.Identity. MSAL insists on HTTPS, so the server uses a
/// self-signed certificate: give the client <see cref="CreateTrustingHandler"/>.
/// </summary>
public sealed class FakeEntraTokenEndpoint : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly X509Certificate2 _certificate;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _issued;

    private FakeEntraTokenEndpoint(LoopbackServer server, X509Certificate2 certificate)
    {
        _server = server;
        _certificate = certificate;
    }

    /// <summary>Root URL (https).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Token requests received, with their form fields.</summary>
    public IReadOnlyList<TokenRequest> Requests => [.. _requests];

    /// <summary>Starts the endpoint.</summary>
    public static async Task<FakeEntraTokenEndpoint> StartAsync()
    {
        var certificate = TestCertificates.CreateLoopbackServerCertificate();
        FakeEntraTokenEndpoint? self = null;
        var server = await LoopbackServer.StartAsync(
            app => app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext http) =>
            {
                var form = await http.Request.ReadFormAsync();
                self!._requests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
                var number = Interlocked.Increment(ref self._issued);
                return Results.Json(new JsonObject
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3599,
                    ["ext_expires_in"] = 3599,
                    ["access_token"] = $"entra-access-token-{number}",
                });
            }),
            certificate);
        self = new FakeEntraTokenEndpoint(server, certificate);
        return self;
    }

    /// <summary>The authority URL for <paramref name="tenant"/>, e.g. for <c>Bot:OAuthAuthority</c>.</summary>
    public string AuthorityFor(string tenant) => new Uri(BaseAddress, tenant).AbsoluteUri;

    /// <summary>A client handler that trusts this server's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler() => TestCertificates.CreateTrustingHandler(_certificate);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }
}

/// <summary>A token request: the tenant in the path and the form fields (<c>client_id</c>, <c>scope</c>, <c>client_secret</c> or <c>client_assertion</c>…).</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form);
