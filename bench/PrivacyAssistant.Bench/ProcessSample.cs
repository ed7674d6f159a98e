using System.Globalization;

namespace PrivacyAssistant.Bench;

/// <summary>
/// CPU time and memory of a process from <c>/proc</c> (Linux): user+system clock ticks,
/// resident set size now (<c>VmRSS</c>) and its peak over the process's life (<c>VmHWM</c>).
/// </summary>
public readonly record struct ProcessSample(long CpuTicks, long RssBytes, long PeakRssBytes)
{
    /// <summary>Kernel clock ticks per second (USER_HZ); 100 on every mainstream Linux build.</summary>
    public const double TicksPerSecond = 100;

    public static ProcessSample Read(int processId)
    {
        var ticks = CpuTicksOf($"/proc/{processId}/stat");
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) * 1024;
            }
        }

        return new ProcessSample(ticks, rss, hwm);
    }

    /// <summary>
    /// CPU clock ticks so far per thread id of the process's threads named <paramref name="threadNamePrefix"/>…
    /// (the kernel keeps 15 characters of a thread's name; .NET's tiered-JIT worker is ".NET Tiered Com",
    /// which ends after a few idle seconds and is started again when there is work).
    /// </summary>
    public static Dictionary<int, long> ThreadCpuTicks(int processId, string threadNamePrefix)
    {
        var ticks = new Dictionary<int, long>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(threadNamePrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                ticks[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = CpuTicksOf(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return ticks;
    }

    /// <summary>
    /// CPU ticks the threads of <paramref name="after"/> used since <paramref name="before"/> (a thread
    /// started in between counts from zero; one that ended in between is missing from both sides).
    /// </summary>
    public static long ThreadCpuTicksBetween(Dictionary<int, long> before, Dictionary<int, long> after) =>
        after.Sum(thread => Math.Max(0, thread.Value - before.GetValueOrDefault(thread.Key)));

    /// <summary>User + system clock ticks from a process's or thread's <c>stat</c> file.</summary>
    private static long CpuTicksOf(string statPath)
    {
        var fields = ProcFiles.StatFields(statPath);
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
