namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>Outcome of validating a request's token: the caller, or why it was rejected.</summary>
public sealed record BotAuthenticationResult(BotCallerIdentity? Caller, BotAuthenticationFailure? Failure)
{
    /// <summary>True when the caller is proven.</summary>
    public bool Succeeded => Caller is not null;

    /// <summary>A successful result.</summary>
    public static BotAuthenticationResult Success(BotCallerIdentity caller) => new(caller, null);

    /// <summary>A rejection.</summary>
    public static BotAuthenticationResult Fail(BotAuthenticationFailure failure) => new(null, failure);
}
