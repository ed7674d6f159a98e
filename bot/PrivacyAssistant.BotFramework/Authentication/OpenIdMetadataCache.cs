using Microsoft.Extensions.Options;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>The signing-key sources the bot trusts: the Bot Connector service and Entra ID.</summary>
public sealed class OpenIdMetadataCache(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
{
    /// <summary>The Bot Connector service's metadata (<c>Bot:OpenIdMetadataUrl</c>).</summary>
    public OpenIdMetadataSource BotFramework { get; } = new(
        options.Value.OpenIdMetadataUrl, httpClientFactory.CreateClient(BotHttpClients.OpenIdMetadata), timeProvider);

    /// <summary>Entra ID's metadata (<c>Bot:EntraOpenIdMetadataUrl</c>).</summary>
    public OpenIdMetadataSource Entra { get; } = new(
        options.Value.EntraOpenIdMetadataUrl, httpClientFactory.CreateClient(BotHttpClients.OpenIdMetadata), timeProvider);
}
