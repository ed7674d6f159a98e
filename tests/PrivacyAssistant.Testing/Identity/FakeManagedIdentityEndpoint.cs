using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PrivacyAssistant.Testing.Http;

namespace PrivacyAssistant.Testing.Identity;

/// <summary>
/// The App Service managed identity endpoint (<c>IDENTITY_ENDPOINT</c>, API 2019-08-01) on
/// http://127.0.0.1, as Azure.Identity's <c>ManagedIdentityCredential</c> calls it. Set the
/// environment variables from <see cref="EnvironmentVariables"/> before creating the credential.
/// </summary>
public sealed class FakeManagedIdentityEndpoint : IAsyncDisposable
{
    /// <summary>Value the client must send in <c>X-IDENTITY-HEADER</c>.</summary>
    public const string IdentityHeader = "test-identity-header";

    /// <summary>The access token every request gets.</summary>
    public const string AccessToken = "managed-identity-access-token";

    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();

    private FakeManagedIdentityEndpoint(LoopbackServer server) => _server = server;

    /// <summary>The endpoint URL (<c>IDENTITY_ENDPOINT</c>).</summary>
    public string Endpoint => new Uri(_server.BaseAddress, "msi/token").AbsoluteUri;

    /// <summary>Environment variables that make Azure.Identity use this endpoint.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint,
        ["IDENTITY_HEADER"] = IdentityHeader,
    };

    /// <summary>Query parameters of the token requests received (<c>resource</c>, <c>client_id</c>, …).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    /// <summary>Starts the endpoint.</summary>
    public static async Task<FakeManagedIdentityEndpoint> StartAsync()
    {
        FakeManagedIdentityEndpoint? self = null;
        var server = await LoopbackServer.StartAsync(app => app.MapGet("/msi/token", (HttpContext http) =>
        {
            if (http.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            self!._requests.Enqueue(query);
            return Results.Json(new JsonObject
            {
                ["access_token"] = AccessToken,
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = query.GetValueOrDefault("resource"),
                ["token_type"] = "Bearer",
                ["client_id"] = query.GetValueOrDefault("client_id"),
            });
        }));
        self = new FakeManagedIdentityEndpoint(server);
        return self;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
