using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Writes the question counts kept in memory every <see cref="KnowledgeOptions.QuestionCountFlushInterval"/>
/// and once more when the host stops gracefully. A failed flush keeps the counts for the next one.
/// </summary>
public sealed partial class QuestionCountFlusher(
    IKnowledgeFeedbackStore store,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<QuestionCountFlusher> logger) : BackgroundService
{
    private PeriodicTimer? timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Started here, not in ExecuteAsync (which runs later on the thread pool), so the first
        // interval counts from start-up.
        timer = new PeriodicTimer(options.Value.QuestionCountFlushInterval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = timer!;
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.FlushQuestionCountsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: its message could quote SQL parameters.
            FlushFailed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Question counts could not be written ({ErrorType}); they are kept in memory for the next attempt")]
    private partial void FlushFailed(string errorType);
}
