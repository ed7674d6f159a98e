namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Why a request was rejected; logged (never the token itself) and mapped to 401/503.</summary>
public enum BotAuthenticationFailure
{
    /// <summary>No <c>Authorization: Bearer</c> header.</summary>
    MissingToken,

    /// <summary>Not a readable JWT.</summary>
    MalformedToken,

    /// <summary>Issuer is neither the Bot Connector nor the configured tenant.</summary>
    UnknownIssuer,

    /// <summary>Signature does not verify with a published key, or the algorithm is not allowed.</summary>
    InvalidSignature,

    /// <summary>Expired or not yet valid (beyond the clock skew), or without an expiry.</summary>
    Lifetime,

    /// <summary>Audience is not the bot's app id.</summary>
    WrongAudience,

    /// <summary>Any other token validation failure.</summary>
    InvalidToken,

    /// <summary>The <c>serviceurl</c> claim is missing or differs from the activity's serviceUrl.</summary>
    ServiceUrlMismatch,

    /// <summary>The signing key is not endorsed for the activity's channel.</summary>
    ChannelNotEndorsed,

    /// <summary>An Entra ID token of an app that is not allowed to call the bot.</summary>
    CallerNotAllowed,

    /// <summary>The signing keys could not be fetched.</summary>
    MetadataUnavailable,
}
