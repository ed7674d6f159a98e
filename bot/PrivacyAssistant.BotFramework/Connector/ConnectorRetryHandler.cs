using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>Retries connector calls per <see cref="ConnectorRetryPolicy"/>; other errors (e.g. 403) are returned at once.</summary>
public sealed partial class ConnectorRetryHandler(
    IOptions<BotOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var retryOptions = options.Value.ConnectorRetry;
        for (var retry = 0; ; retry++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!ConnectorRetryPolicy.IsRetryable(response.StatusCode) || retry >= retryOptions.MaxRetries)
            {
                return response;
            }

            var delay = ConnectorRetryPolicy.GetDelay(retry, response.Headers.RetryAfter, timeProvider.GetUtcNow(), retryOptions, Random.Shared.NextDouble());
            if (delay is null)
            {
                LogRetryAfterTooLong(logger, (int)response.StatusCode, request.Method.Method);
                return response;
            }

            LogRetrying(logger, (int)response.StatusCode, request.Method.Method, retry + 1, (int)delay.Value.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay.Value, timeProvider, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector answered {Status} to {Method}; retry {Retry} in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, int status, string method, int retry, int delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector answered {Status} to {Method} with a Retry-After beyond the maximum delay; giving up")]
    private static partial void LogRetryAfterTooLong(ILogger logger, int status, string method);
}
