using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace PrivacyAssistant.Bench;

/// <summary>
/// What the bot's runtime did while a level ran (<c>--diagnostics</c>), read over EventPipe: collections by generation,
/// their pause time and the bytes they promoted, methods compiled by the JIT by tier (a hot method still at tier 0 or
/// being rejitted during the measured level would show here) and lock contentions. Counts only; with the thread figures
/// of <see cref="ThreadSnapshot"/> they are set side by side for a fast and a slow run of the same build.
/// </summary>
public sealed class RuntimeActivity : IAsyncDisposable
{
    private readonly EventPipeSession session;
    private readonly Task reading;
    private readonly object gate = new();
    private readonly int[] collections = new int[3];
    private readonly Dictionary<string, int> jitted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> areas = new(StringComparer.Ordinal);
    private double pauseMilliseconds;
    private long promotedBytes;
    private int contentions;
    private int heaps;
    private int fewestHeaps = int.MaxValue;
    private int mostHeaps;
    private bool stopped;

    private RuntimeActivity(int processId)
    {
        var keywords = ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Contention;
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)keywords);
        session = new DiagnosticsClient(processId).StartEventPipeSession(provider, requestRundown: false);
        reading = EventPipeReader.Start(session, "runtime activity reader", source =>
        {
            double suspended = -1;
            source.Clr.GCSuspendEEStart += e => suspended = e.TimeStampRelativeMSec;
            source.Clr.GCRestartEEStop += e =>
            {
                if (suspended >= 0)
                {
                    lock (gate)
                    {
                        pauseMilliseconds += e.TimeStampRelativeMSec - suspended;
                    }
                }

                suspended = -1;
            };
            source.Clr.GCStart += e =>
            {
                lock (gate)
                {
                    collections[Math.Clamp(e.Depth, 0, 2)]++;
                }
            };
            source.Clr.GCHeapStats += e =>
            {
                lock (gate)
                {
                    promotedBytes += e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3;
                }
            };
            source.Clr.GCGlobalHeapHistory += e =>
            {
                lock (gate)
                {
                    heaps = e.NumHeaps;
                    fewestHeaps = Math.Min(fewestHeaps, e.NumHeaps);
                    mostHeaps = Math.Max(mostHeaps, e.NumHeaps);
                }
            };
            source.Clr.MethodLoadVerbose += e =>
            {
                lock (gate)
                {
                    var tier = e.OptimizationTier.ToString();
                    jitted[tier] = jitted.GetValueOrDefault(tier) + 1;
                    // The namespace's first two parts: whose code is still being compiled (ours, ASP.NET Core, the
                    // runtime's own event code that the session itself wakes up); never a method's arguments.
                    var area = string.Join('.', e.MethodNamespace.Split('.').Take(2));
                    areas[area] = areas.GetValueOrDefault(area) + 1;
                }
            };
            source.Clr.ContentionStart += _ => Interlocked.Increment(ref contentions);
        });
    }

    /// <summary>Starts reading; null (with a note) when the process cannot be attached to (the peer is not .NET).</summary>
    public static RuntimeActivity? TryStart(int processId, string name)
    {
        try
        {
            return new RuntimeActivity(processId);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            Console.WriteLine($"# {name}: no runtime events ({e.GetType().Name}: cannot attach over EventPipe)");
            return null;
        }
    }

    /// <summary>Stops the session and says what was read, per request where that is the comparable figure.</summary>
    public async Task<string> StopAsync(double seconds, long requests)
    {
        if (!stopped)
        {
            stopped = true;
            try
            {
                session.Stop();
            }
            catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException)
            {
            }
        }

        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        lock (gate)
        {
            var total = collections.Sum();
            var perThousand = requests == 0 ? double.NaN : 1000.0 / requests;
            return LoadBenchmark.Invariant(
                 $"GC: {heaps} heaps ({(mostHeaps == 0 ? 0 : fewestHeaps)}–{mostHeaps} in the level), {total / seconds:0.0} collections/s (gen0/1/2 {collections[0]}/{collections[1]}/{collections[2]}), ") + LoadBenchmark.Invariant(
                $"pauses {pauseMilliseconds:0} ms = {pauseMilliseconds / 10 / seconds:0.0} % of the time, {(total == 0 ? 0 : pauseMilliseconds / total):0.00} ms each, ") + LoadBenchmark.Invariant(
                $"promoted {(total == 0 ? 0 : promotedBytes / 1024.0 / total):0} KB per GC, {requests / Math.Max(1, total):0} requests per GC; ") + LoadBenchmark.Invariant(
                $"JIT: {(jitted.Count == 0 ? "no methods" : string.Join(", ", jitted.OrderBy(j => j.Key).Select(j => $"{j.Value} {j.Key}")))} ") + LoadBenchmark.Invariant(
                $"(by area: {string.Join(", ", areas.OrderByDescending(a => a.Value).Take(6).Select(a => $"{a.Key} {a.Value}"))}); ") + LoadBenchmark.Invariant(
                $"lock contentions {contentions * perThousand:0.00} per 1,000 requests");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(1, 0);
        session.Dispose();
    }
}
