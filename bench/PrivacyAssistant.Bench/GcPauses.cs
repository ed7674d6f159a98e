using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace PrivacyAssistant.Bench;

/// <summary>
/// The garbage collector's pauses of one .NET process (the bot, or the generator itself), read over EventPipe while a
/// level runs (<c>--by-question</c>): from the runtime suspending managed threads to restarting them, with the
/// generation collected. The timestamps are the runtime's QPC, on Linux the same monotonic clock as
/// <see cref="System.Diagnostics.Stopwatch"/>, so they line up with the generator's send times.
/// </summary>
public sealed class GcPauses : IAsyncDisposable
{
    private readonly EventPipeSession session;
    private readonly Task reading;
    private readonly List<GcPause> pauses = [];

    private GcPauses(int processId)
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
        session = new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false);
        // TimeStampQPC is "discouraged" in favour of a time relative to the session's start; here the raw clock is the
        // point, to line the pauses up with the generator's Stopwatch timestamps.
#pragma warning disable CS0618
        reading = EventPipeReader.Start(session, "GC pause reader", source =>
        {
            long suspended = 0;
            var generation = -1;
            source.Clr.GCSuspendEEStart += e => suspended = e.TimeStampQPC;
            source.Clr.GCStart += e => generation = e.Depth;
            source.Clr.GCGlobalHeapHistory += e => Heaps = e.NumHeaps;
            source.Clr.GCRestartEEStop += e =>
            {
                if (suspended != 0)
                {
                    lock (pauses)
                    {
                        pauses.Add(new GcPause(suspended, e.TimeStampQPC, generation));
                    }
                }

                suspended = 0;
                generation = -1;
            };
        });
#pragma warning restore CS0618
    }

    /// <summary>The number of GC heaps the last collection reported (0 before one; server GC: one per heap thread).</summary>
    public int Heaps { get; private set; }

    /// <summary>Starts reading <paramref name="processId"/>'s GC pauses; null (with a note) when the process cannot be attached to.</summary>
    public static GcPauses? TryStart(int processId, string name)
    {
        try
        {
            return new GcPauses(processId);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            Console.WriteLine($"# {name}: no GC pauses ({e.GetType().Name}: cannot attach over EventPipe)");
            return null;
        }
    }

    /// <summary>Stops the session and returns the pauses read, in order.</summary>
    public async Task<IReadOnlyList<GcPause>> StopAsync()
    {
        try
        {
            session.Stop();
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException)
        {
        }

        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        lock (pauses)
        {
            return pauses.OrderBy(p => p.StartTicks).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        session.Dispose();
    }
}

/// <summary>One GC pause: Stopwatch ticks from the threads' suspension to their restart, and the generation collected (−1 unknown).</summary>
public readonly record struct GcPause(long StartTicks, long EndTicks, int Generation)
{
    public double Milliseconds => (EndTicks - StartTicks) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
