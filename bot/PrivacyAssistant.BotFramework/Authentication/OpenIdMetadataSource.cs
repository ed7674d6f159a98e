using System.Net;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>
/// One OpenID metadata document and its signing keys, cached. Fetched on first use, re-fetched after
/// <see cref="BotAuthenticationConstants.MetadataRefreshInterval"/>, and on demand when a token names
/// an unknown key (key rollover) — at most once per <see cref="ForcedRefreshInterval"/>, so forged
/// key ids cannot make the bot hammer the metadata endpoint. A failed re-fetch keeps the last good keys.
/// </summary>
public sealed class OpenIdMetadataSource
{
    /// <summary>Shortest time between refreshes forced by unknown key ids.</summary>
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly string _metadataUrl;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _configuration;
    private DateTimeOffset _refreshAfter;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    /// <summary>Creates the source; nothing is fetched yet.</summary>
    public OpenIdMetadataSource(string metadataUrl, HttpClient httpClient, TimeProvider timeProvider)
    {
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        _metadataUrl = metadataUrl;
        _timeProvider = timeProvider;

        // Keys must come over TLS; plain HTTP only on loopback, where tests serve their own keys.
        _retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !IsLoopback(uri) };
    }

    /// <summary>The cached configuration, fetched first if missing or due.</summary>
    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = _configuration;
        if (current is not null && _timeProvider.GetUtcNow() < _refreshAfter)
        {
            return current;
        }

        return await FetchAsync(force: false, cancellationToken) ?? current!;
    }

    /// <summary>Re-fetches now because a token named an unknown key; null when a forced refresh happened too recently.</summary>
    public Task<OpenIdConnectConfiguration?> RefreshAsync(CancellationToken cancellationToken) => FetchAsync(force: true, cancellationToken);

    private async Task<OpenIdConnectConfiguration?> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _timeProvider.GetUtcNow();
            if (force)
            {
                if (now - _lastForcedRefresh < ForcedRefreshInterval)
                {
                    return null;
                }

                _lastForcedRefresh = now;
            }
            else if (_configuration is not null && now < _refreshAfter)
            {
                // Another caller refreshed while this one waited.
                return _configuration;
            }

            try
            {
                _configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataUrl, _retriever, cancellationToken);
                _refreshAfter = now + BotAuthenticationConstants.MetadataRefreshInterval;
            }
            catch (Exception) when (_configuration is not null && !cancellationToken.IsCancellationRequested)
            {
                // Keep the last good keys; try again soon.
                _refreshAfter = now + ForcedRefreshInterval;
            }

            return _configuration;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
