using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>
/// UserAssignedMSI bots: a token for <c>https://api.botframework.com</c> from the user-assigned
/// managed identity whose client id is the bot's app id (Azure.Identity caches it).
/// </summary>
public sealed class ManagedIdentityBotTokenProvider : IBotTokenProvider
{
    private readonly Lazy<TokenCredential> _credential;
    private readonly TokenRequestContext _request;

    /// <summary>Creates the provider; the credential is built on first use.</summary>
    public ManagedIdentityBotTokenProvider(IOptions<BotOptions> options)
    {
        var botOptions = options.Value;
        _request = new TokenRequestContext([botOptions.OAuthScope]);
        _credential = new Lazy<TokenCredential>(() =>
            new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(botOptions.AppId!)));
    }

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = await _credential.Value.GetTokenAsync(_request, cancellationToken);
        return token.Token;
    }
}
