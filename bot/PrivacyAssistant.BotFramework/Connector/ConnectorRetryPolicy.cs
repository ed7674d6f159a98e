using System.Net;
using System.Net.Http.Headers;

namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>
/// When to retry a connector call and how long to wait: Teams asks bots to retry 429, 412, 502
/// and 504 with exponential backoff and jitter; a <c>Retry-After</c> is a lower bound.
/// </summary>
public static class ConnectorRetryPolicy
{
    /// <summary>True for the statuses Teams documents as transient.</summary>
    public static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Delay before retry number <paramref name="retry"/> (0 = first retry), or null to give up
    /// because the server asked for a longer wait than <see cref="ConnectorRetryOptions.MaxDelay"/>.
    /// </summary>
    /// <param name="retry">Zero-based retry number.</param>
    /// <param name="retryAfter">The response's <c>Retry-After</c> header, if any.</param>
    /// <param name="now">Current time, to resolve an HTTP-date <c>Retry-After</c>.</param>
    /// <param name="options">Backoff settings.</param>
    /// <param name="random">A number in [0, 1) for the jitter.</param>
    public static TimeSpan? GetDelay(int retry, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, ConnectorRetryOptions options, double random)
    {
        var exponential = options.BaseDelay * Math.Pow(2, Math.Min(retry, 20));
        if (exponential > options.MaxDelay)
        {
            exponential = options.MaxDelay;
        }

        // "Equal jitter": half fixed, half random, so concurrent retries spread without collapsing to zero.
        var backoff = (exponential / 2) + (exponential / 2 * random);

        var serverDelay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.Zero,
        };
        if (serverDelay > options.MaxDelay)
        {
            return null;
        }

        return serverDelay > backoff ? serverDelay : backoff;
    }
}
