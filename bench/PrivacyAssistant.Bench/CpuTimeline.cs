using System.Diagnostics;
using System.Globalization;

namespace PrivacyAssistant.Bench;

/// <summary>
/// Who had the two cores while a level ran (<c>--by-question</c>), sampled every 20 ms from <c>/proc</c>: the bot's
/// threads' CPU time and their time waiting for a CPU (<c>task/*/schedstat</c>, nanoseconds), the generator's own CPU,
/// and the whole machine's busy, idle and steal time (<c>/proc/stat</c>, clock ticks). Lined up with the requests'
/// completions it tells a moment when the bot did not get the CPU (other processes, the VM's host) from one when it
/// had it and did not finish turns (its own pauses or locks) from one when the cores were idle.
/// </summary>
public sealed class CpuTimeline(int botProcessId)
{
    private readonly List<CpuPoint> points = [];

    public IReadOnlyList<CpuPoint> Points => points;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            points.Add(Read());
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        points.Add(Read());
    }

    private CpuPoint Read()
    {
        var (botRun, botWait) = Schedstat(botProcessId);
        var (generatorRun, _) = Schedstat(Environment.ProcessId);
        var cpu = ProcFiles.MachineCpuTicks();
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
        var busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
        return new CpuPoint(Stopwatch.GetTimestamp(), botRun, botWait, generatorRun, busy, cpu[3] + cpu[4], cpu[7]);
    }

    // Per thread id, the last schedstat read: a thread that ends takes its counters with it, so the sums are kept as
    // running totals of each live thread's increase (a new thread counts from zero).
    private readonly Dictionary<(int Process, int Thread), (long Run, long Wait)> lastByThread = [];
    private readonly Dictionary<int, (long Run, long Wait)> totals = [];

    private (long RunNanoseconds, long WaitNanoseconds) Schedstat(int processId)
    {
        var (run, wait) = totals.GetValueOrDefault(processId);
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                var now = ProcFiles.Schedstat(Path.Combine(task, "schedstat"));
                var key = (processId, int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture));
                var before = lastByThread.GetValueOrDefault(key);
                run += Math.Max(0, now.RunNanoseconds - before.Run);
                wait += Math.Max(0, now.WaitNanoseconds - before.Wait);
                lastByThread[key] = now;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended between listing and reading.
            }
        }

        totals[processId] = (run, wait);
        return (run, wait);
    }
}

/// <summary>One sample of <see cref="CpuTimeline"/>: Stopwatch ticks, the bot's run and run-queue wait (ns), the generator's run (ns), the machine's busy, idle and steal clock ticks.</summary>
public readonly record struct CpuPoint(long Ticks, long BotRun, long BotWait, long GeneratorRun, long MachineBusy, long MachineIdle, long Steal);
