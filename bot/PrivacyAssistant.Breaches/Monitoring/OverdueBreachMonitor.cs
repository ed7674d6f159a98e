using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Breaches.Monitoring;

/// <summary>
/// Periodically flags reports that are past the warning time (48 h after discovery by default)
/// without an AP decision; the register enqueues the officer alerts (mail and/or Teams) in the
/// same transaction, so each report is flagged once even with several instances.
/// </summary>
internal sealed partial class OverdueBreachMonitor(
    IBreachRegister register,
    StorageReadiness readiness,
    IOptions<BreachesOptions> options,
    TimeProvider timeProvider,
    ILogger<OverdueBreachMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OverdueMonitorEnabled)
        {
            return;
        }

        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await register.FlagOverdueAsync(options.Value.DeadlineWarningHours, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(logger, exception.GetType().Name);
                }

                await Task.Delay(options.Value.OverdueCheckInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue breach check failed ({ErrorType}); retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
