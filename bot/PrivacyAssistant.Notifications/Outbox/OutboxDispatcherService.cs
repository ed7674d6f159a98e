using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>Runs the <see cref="OutboxDispatcher"/>: on every nudge and otherwise every poll interval.</summary>
internal sealed partial class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    NotificationOutbox outbox,
    StorageReadiness readiness,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Outbox.DispatcherEnabled)
        {
            return;
        }

        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                int attempted;
                try
                {
                    attempted = await dispatcher.DispatchDueAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception.GetType().Name);
                    attempted = 0;
                }

                if (attempted >= options.Value.Outbox.BatchSize)
                {
                    continue;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var poll = Task.Delay(options.Value.Outbox.PollInterval, timeProvider, wait.Token);
                var nudge = outbox.Nudges.WaitToReadAsync(wait.Token).AsTask();
                await Task.WhenAny(poll, nudge);
                await wait.CancelAsync();
                outbox.Nudges.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch round failed ({ErrorType}); retrying at the next poll")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
