using Microsoft.Identity.Client;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Gives MSAL the <see cref="BotHttpClients.Msal"/> client, so its handler is configurable (proxies, tests).</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    /// <inheritdoc />
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(BotHttpClients.Msal);
}
