using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace PrivacyAssistant.Bench;

/// <summary>Reads an EventPipe session's events on a thread of its own until the session ends.</summary>
public static class EventPipeReader
{
    /// <summary>
    /// Starts the reader; <paramref name="subscribe"/> attaches the handlers. A thread of its own, not the pool's:
    /// <c>Process()</c> blocks until the session ends, and two such readers on a 2-core machine's pool (minimum 2
    /// threads) starved the load's continuations for the ~0.5 s the pool takes to add one.
    /// </summary>
    /// <returns>A task that completes when the session has ended; what was read until then stays read.</returns>
    public static Task Start(EventPipeSession session, string name, Action<EventPipeEventSource> subscribe)
    {
        var done = new TaskCompletionSource();
        var thread = new Thread(() =>
        {
            try
            {
                using var source = new EventPipeEventSource(session.EventStream);
                subscribe(source);
                source.Process();
            }
            catch (Exception)
            {
                // The session ended under the reader (process exit or Stop): what was read stays.
            }
            finally
            {
                done.TrySetResult();
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }
}
