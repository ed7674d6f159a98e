using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Every call to the model goes through here: the circuit breaker, a hard timeout (the call is
/// abandoned, not awaited, so a hanging connection cannot hold up the user) and one log line per
/// call with the operation, outcome, status, duration, token counts and the running call count —
/// never the text sent or received.
/// </summary>
public sealed partial class AzureOpenAIGuard(CircuitBreaker circuit, TimeProvider time, ILogger<AzureOpenAIGuard> logger)
{
    private long _calls;
    private long _failures;

    public CircuitBreaker Circuit => circuit;

    /// <summary>Calls sent to the service since start (a counter, for the logs and tests).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public async Task<ModelCallResult<T>> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return new ModelCallResult<T>(ModelCallOutcome.TimedOut, default);
        }

        if (!circuit.TryAcquire())
        {
            LogSkipped(logger, operation);
            return new ModelCallResult<T>(ModelCallOutcome.CircuitOpen, default);
        }

        var calls = Interlocked.Increment(ref _calls);
        var started = Stopwatch.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = call(linked.Token);
        try
        {
            var value = await work.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            if (circuit.RecordSuccess())
            {
                LogCircuitClosed(logger);
            }

            LogCall(logger, operation, "ok", 200, Elapsed(started), calls, Interlocked.Read(ref _failures));
            return new ModelCallResult<T>(ModelCallOutcome.Succeeded, value, 200);
        }
        catch (TimeoutException)
        {
            await linked.CancelAsync().ConfigureAwait(false);
            Observe(work);
            Failure(operation, "timeout", 0, started, calls);
            return new ModelCallResult<T>(ModelCallOutcome.TimedOut, default);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(work);
            throw;
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or IOException or OperationCanceledException or Azure.Identity.AuthenticationFailedException or Azure.RequestFailedException)
        {
            var status = ex is ClientResultException result ? result.Status : 0;
            Failure(operation, ex is ClientResultException ? "error" : ex.GetType().Name, status, started, calls);
            return new ModelCallResult<T>(ModelCallOutcome.Failed, default, status);
        }
    }

    private void Failure(string operation, string outcome, int status, long started, long calls)
    {
        var failures = Interlocked.Increment(ref _failures);
        LogCall(logger, operation, outcome, status, Elapsed(started), calls, failures);
        if (circuit.RecordFailure())
        {
            LogCircuitOpened(logger);
        }
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    // The abandoned call still finishes (or fails) later; observe it so its exception is not unobserved.
    private static void Observe(Task work) => work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure OpenAI call {Operation}: {Outcome} (status {Status}) in {ElapsedMs} ms; calls since start {Calls}, failed {Failures}")]
    private static partial void LogCall(ILogger logger, string operation, string outcome, int status, long elapsedMs, long calls, long failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure OpenAI call {Operation} not sent: circuit open")]
    private static partial void LogSkipped(ILogger logger, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure OpenAI circuit opened: answering from the knowledge base alone until a trial call succeeds")]
    private static partial void LogCircuitOpened(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure OpenAI circuit closed: the service answers again")]
    private static partial void LogCircuitClosed(ILogger logger);
}
