using System.Collections.Concurrent;
using Azure.Core;

namespace PrivacyAssistant.Testing.Graph;

/// <summary>
/// Stands in for Entra ID (unreachable here): hands out a fixed token and records the scopes the
/// Graph SDK asked for, so tests can check app-only <c>.default</c> scopes.
/// </summary>
public sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "fake-graph-app-token";

    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Enqueue(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
