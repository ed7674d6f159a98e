using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token of a request to <c>/api/messages</c> per "Authentication with the Bot
/// Connector API": Bot Connector tokens (issuer <c>https://api.botframework.com</c>, keys from its
/// OpenID metadata, endorsements containing the channel, <c>serviceurl</c> claim equal to the
/// activity's) and Entra ID v1/v2 tokens of the configured tenant. Audience is the app id; lifetime
/// allows 5 minutes of clock skew; RS256/384/512 only.
/// </summary>
public sealed partial class BotTokenValidator(
    IOptions<BotOptions> options,
    OpenIdMetadataCache metadata,
    ILogger<BotTokenValidator> logger)
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>
    /// Step 1, before the body is read: checks the token itself (signature, issuer, audience, lifetime).
    /// </summary>
    public async Task<BotAuthenticationResult> ValidateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var botOptions = options.Value;
        if (botOptions.IsLocalMode)
        {
            return BotAuthenticationResult.Success(BotCallerIdentity.Anonymous);
        }

        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(BotAuthenticationFailure.MissingToken);
        }

        var token = authorizationHeader[scheme.Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return Reject(BotAuthenticationFailure.MalformedToken);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Reject(BotAuthenticationFailure.MalformedToken);
        }

        var issuer = unvalidated.Issuer;
        BotCallerKind kind;
        OpenIdMetadataSource source;
        if (string.Equals(issuer, BotAuthenticationConstants.BotFrameworkIssuer, StringComparison.Ordinal))
        {
            kind = BotCallerKind.BotFrameworkChannel;
            source = metadata.BotFramework;
        }
        else if (EntraIssuers(botOptions).Contains(issuer, StringComparer.Ordinal))
        {
            kind = BotCallerKind.EntraId;
            source = metadata.Entra;
        }
        else
        {
            return Reject(BotAuthenticationFailure.UnknownIssuer);
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await source.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            LogMetadataUnavailable(logger, ex.GetType().Name);
            return BotAuthenticationResult.Fail(BotAuthenticationFailure.MetadataUnavailable);
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(botOptions, issuer, configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The token names a key we have not seen: the service may have rolled its keys.
            if (await source.RefreshAsync(cancellationToken) is { } refreshed)
            {
                configuration = refreshed;
                result = await _handler.ValidateTokenAsync(token, Parameters(botOptions, issuer, configuration));
            }
        }

        if (!result.IsValid)
        {
            return Reject(Classify(result.Exception));
        }

        var endorsements = kind == BotCallerKind.BotFrameworkChannel
            ? EndorsementsOf(configuration, ((JsonWebToken)result.SecurityToken).SigningKey?.KeyId)
            : [];
        var caller = new BotCallerIdentity(kind, result.ClaimsIdentity, endorsements);

        if (kind == BotCallerKind.EntraId)
        {
            var allowed = botOptions.AllowedCallers.Count > 0 ? botOptions.AllowedCallers : [botOptions.AppId!];
            if (caller.CallerAppId is not { } callerAppId || !allowed.Contains(callerAppId, StringComparer.OrdinalIgnoreCase))
            {
                return Reject(BotAuthenticationFailure.CallerNotAllowed);
            }
        }

        return BotAuthenticationResult.Success(caller);
    }

    /// <summary>
    /// Step 2, once the activity is parsed: a Bot Connector token must be endorsed for the activity's
    /// channel and carry a <c>serviceurl</c> claim equal to the activity's serviceUrl.
    /// </summary>
    public BotAuthenticationResult ValidateActivity(BotCallerIdentity caller, Activity activity)
    {
        if (caller.Kind != BotCallerKind.BotFrameworkChannel)
        {
            return BotAuthenticationResult.Success(caller);
        }

        if (activity.ChannelId is not { } channelId || !caller.Endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return Reject(BotAuthenticationFailure.ChannelNotEndorsed);
        }

        if (caller.ServiceUrl is not { Length: > 0 } claimed
            || !string.Equals(claimed, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(BotAuthenticationFailure.ServiceUrlMismatch);
        }

        return BotAuthenticationResult.Success(caller);
    }

    private TokenValidationParameters Parameters(BotOptions botOptions, string issuer, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = issuer,
        ValidateIssuer = true,
        ValidAudience = botOptions.AppId,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = BotAuthenticationConstants.ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidateIssuerSigningKey = false,
    };

    private static IEnumerable<string> EntraIssuers(BotOptions botOptions)
    {
        if (string.IsNullOrWhiteSpace(botOptions.TenantId))
        {
            yield break;
        }

        yield return $"https://sts.windows.net/{botOptions.TenantId}/";
        yield return $"{BotAuthenticationConstants.EntraLoginHost}/{botOptions.TenantId}/v2.0";
    }

    private static string[] EndorsementsOf(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToArray(),
            IEnumerable<object> list => list.OfType<string>().ToArray(),
            _ => [],
        };
    }

    private static BotAuthenticationFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => BotAuthenticationFailure.WrongAudience,
        SecurityTokenInvalidIssuerException => BotAuthenticationFailure.UnknownIssuer,
        SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenNoExpirationException
            or SecurityTokenInvalidLifetimeException => BotAuthenticationFailure.Lifetime,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            or SecurityTokenInvalidAlgorithmException => BotAuthenticationFailure.InvalidSignature,
        _ => BotAuthenticationFailure.InvalidToken,
    };

    private BotAuthenticationResult Reject(BotAuthenticationFailure failure)
    {
        LogRejected(logger, failure);
        return BotAuthenticationResult.Fail(failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to the messaging endpoint: {Failure}")]
    private static partial void LogRejected(ILogger logger, BotAuthenticationFailure failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch OpenID metadata or signing keys ({ExceptionType}); requests cannot be authenticated")]
    private static partial void LogMetadataUnavailable(ILogger logger, string exceptionType);
}
