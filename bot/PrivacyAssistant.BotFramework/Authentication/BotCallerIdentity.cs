using System.Security.Claims;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Who sent a request to <c>/api/messages</c>, as proven by its token.</summary>
/// <param name="Kind">Which kind of token it was.</param>
/// <param name="Claims">The validated claims; empty in local mode.</param>
/// <param name="Endorsements">Channels the signing key is endorsed for (Bot Framework tokens only).</param>
public sealed record BotCallerIdentity(BotCallerKind Kind, ClaimsIdentity Claims, IReadOnlyList<string> Endorsements)
{
    /// <summary>The caller in local mode, where no token is checked.</summary>
    public static BotCallerIdentity Anonymous { get; } = new(BotCallerKind.Anonymous, new ClaimsIdentity(), []);

    /// <summary>The <c>serviceurl</c> claim of a Bot Framework token.</summary>
    public string? ServiceUrl => Claims.FindFirst(BotClaimTypes.ServiceUrl)?.Value;

    /// <summary>The calling app: <c>appid</c> (v1) or <c>azp</c> (v2) of an Entra ID token.</summary>
    public string? CallerAppId => Claims.FindFirst(BotClaimTypes.AppId)?.Value ?? Claims.FindFirst(BotClaimTypes.AuthorizedParty)?.Value;
}

/// <summary>Kinds of callers of <c>/api/messages</c>.</summary>
public enum BotCallerKind
{
    /// <summary>Local mode: nothing was checked.</summary>
    Anonymous,

    /// <summary>The Bot Connector service (issuer <c>https://api.botframework.com</c>).</summary>
    BotFrameworkChannel,

    /// <summary>An Entra ID token of the bot's own tenant (v1 or v2).</summary>
    EntraId,
}
