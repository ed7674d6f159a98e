using System.Globalization;

namespace PrivacyAssistant.Bench;

/// <summary>
/// How fast this machine's cores run fixed work right now (<c>--diagnostics</c>), in CPU nanoseconds of the measuring
/// thread per step, not wall-clock: a compute loop (integer hashing, in registers) and a memory walk (dependent loads
/// over 16 MB, larger than a core's L2, within the L3). The same steps cost the same CPU time unless the core itself
/// is slower — its clock, or on a VM the host's other work on the same physical core (a hyperthread sibling) or in the
/// shared cache. Measured with the bot idle just before a level, it tells a slow run caused by the machine from one
/// caused by the bot (RELIABILITY.md, "Session 16, two speeds").
/// </summary>
public static class MachineSpeed
{
    private const int ComputeSteps = 20_000_000;
    private const int MemorySteps = 4_000_000;
    private const int MemoryEntries = 4 * 1024 * 1024; // 16 MB of ints

    private static int[]? walk;

    /// <summary>Runs each probe a few times and keeps the fastest (least disturbed) of each.</summary>
    public static (double ComputeNanoseconds, double MemoryNanoseconds) Measure(int repeats = 5)
    {
        var table = walk ??= BuildWalk();
        double compute = double.MaxValue, memory = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            compute = Math.Min(compute, Time(() => Compute(ComputeSteps), ComputeSteps));
            memory = Math.Min(memory, Time(() => Walk(table, MemorySteps), MemorySteps));
        }

        return (compute, memory);
    }

    /// <summary>
    /// <c>speed</c>: the probe every <see cref="BenchOptions.Duration"/> seconds, <see cref="BenchOptions.Runs"/> times, one
    /// line each with the time, the load average and the machine's steal share since the line before.
    /// </summary>
    public static int Run(BenchOptions options)
    {
        Console.WriteLine("# time UTC | load average | compute ns/step | memory walk ns/step | steal % of both cores since the last line");
        var (steal, total) = Steal();
        for (var i = 0; i < options.Runs; i++)
        {
            var (compute, memory) = Measure();
            var (stealNow, totalNow) = Steal();
            Console.WriteLine(FormattableString.Invariant(
                $"{DateTime.UtcNow:HH:mm:ss} | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} | {compute:0.000} | {memory:0.00} | {(totalNow == total ? 0 : 100.0 * (stealNow - steal) / (totalNow - total)):0.0}"));
            (steal, total) = (stealNow, totalNow);
            Thread.Sleep(options.Duration);
        }

        return 0;
    }

    private static (long Steal, long Total) Steal()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[7], fields.Take(8).Sum());
    }

    private static double Time(Func<long> probe, int steps)
    {
        var before = ThreadCpuNanoseconds();
        var result = probe();
        var after = ThreadCpuNanoseconds();
        GC.KeepAlive(result);
        return (double)(after - before) / steps;
    }

    private static long Compute(int steps)
    {
        ulong x = 0x9E3779B97F4A7C15;
        for (var i = 0; i < steps; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return (long)x;
    }

    private static long Walk(int[] table, int steps)
    {
        var at = 0;
        for (var i = 0; i < steps; i++)
        {
            at = table[at];
        }

        return at;
    }

    /// <summary>One cycle through all entries in a shuffled order, so every load depends on the one before (no prefetch).</summary>
    private static int[] BuildWalk()
    {
        var order = Enumerable.Range(0, MemoryEntries).ToArray();
        new Random(16).Shuffle(order);
        var table = new int[MemoryEntries];
        for (var i = 0; i < order.Length; i++)
        {
            table[order[i]] = order[(i + 1) % order.Length];
        }

        return table;
    }

    /// <summary>This thread's CPU time so far (<c>/proc/thread-self/schedstat</c>, nanoseconds).</summary>
    private static long ThreadCpuNanoseconds() =>
        long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
}
