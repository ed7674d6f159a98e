using PrivacyAssistant.BotFramework.Authentication;

namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>Creates <see cref="ConnectorClient"/>s on the <see cref="BotHttpClients.Connector"/> HTTP client (with retries).</summary>
public sealed class ConnectorClientFactory(IHttpClientFactory httpClientFactory, IBotTokenProvider tokenProvider) : IConnectorClientFactory
{
    /// <inheritdoc />
    public IConnectorClient Create(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL is not an absolute http(s) URL.", nameof(serviceUrl));
        }

        return new ConnectorClient(httpClientFactory.CreateClient(BotHttpClients.Connector), uri, tokenProvider);
    }
}
