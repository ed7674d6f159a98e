using System.Globalization;

namespace PrivacyAssistant.Bench;

/// <summary>The Linux <c>/proc</c> files the benchmarks read CPU figures from, parsed in one place.</summary>
public static class ProcFiles
{
    /// <summary>
    /// The fields of a process's or thread's <c>stat</c> file after the command name, which may contain spaces (they start
    /// at ") "): index 0 is the state, 11 and 12 user and system clock ticks, 36 the core it last ran on.
    /// </summary>
    public static string[] StatFields(string path)
    {
        var stat = File.ReadAllText(path);
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>A thread's time on a CPU and waiting in the run queue, in nanoseconds (its <c>schedstat</c> file).</summary>
    public static (long RunNanoseconds, long WaitNanoseconds) Schedstat(string path)
    {
        var fields = File.ReadAllText(path).Split(' ');
        return (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The whole machine's clock ticks over all cores so far (<c>/proc/stat</c>, first line): user, nice, system, idle,
    /// iowait, irq, softirq, steal, guest, guest_nice (guest time is already in user).
    /// </summary>
    public static long[] MachineCpuTicks() =>
        File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
}
