using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Storage.Retention;

/// <summary>Runs the <see cref="RetentionPurger"/> after start-up and then every configured interval.</summary>
internal sealed partial class RetentionJob(
    RetentionPurger purger,
    StorageReadiness readiness,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (!retention.Enabled)
        {
            return;
        }

        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await purger.PurgeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next run retries; a failed purge must not take the bot down.
                LogFailed(logger, exception.GetType().Name);
            }

            try
            {
                await Task.Delay(retention.Interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed ({ErrorType}); retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
