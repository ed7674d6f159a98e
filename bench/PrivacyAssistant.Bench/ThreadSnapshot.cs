using System.Globalization;

namespace PrivacyAssistant.Bench;

/// <summary>
/// What the scheduler knows of one process at one moment (<c>--diagnostics</c>), from <c>/proc</c>: the process's user
/// and system clock ticks and minor page faults (<c>stat</c>), and per thread its name, CPU time, time waiting for a
/// CPU, context switches (voluntary: it blocked; involuntary: it was preempted), migrations between cores and the core
/// it last ran on (<c>task/*/sched</c>, <c>task/*/stat</c>). Two snapshots around a measured level say where the bot's
/// CPU went (kernel or user, which threads) and how it was scheduled, figures that can be set side by side for a fast
/// and a slow run of the same build (RELIABILITY.md, "Session 16, two speeds").
/// </summary>
public sealed record ThreadSnapshot(long UserTicks, long SystemTicks, long MinorFaults, long MajorFaults, IReadOnlyDictionary<int, ThreadFigures> Threads)
{
    public static ThreadSnapshot Read(int processId)
    {
        var fields = ProcFiles.StatFields($"/proc/{processId}/stat");
        var threads = new Dictionary<int, ThreadFigures>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                var id = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var sched = SchedValues(Path.Combine(task, "sched"));
                var (run, wait) = ProcFiles.Schedstat(Path.Combine(task, "schedstat"));
                var stat = ProcFiles.StatFields(Path.Combine(task, "stat"));
                threads[id] = new ThreadFigures(
                    name,
                    run,
                    wait,
                    (long)sched.GetValueOrDefault("nr_voluntary_switches"),
                    (long)sched.GetValueOrDefault("nr_involuntary_switches"),
                    (long)sched.GetValueOrDefault("se.nr_migrations"),
                    int.Parse(stat[36], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
            {
                // The thread ended between listing and reading.
            }
        }

        return new ThreadSnapshot(
            long.Parse(fields[11], CultureInfo.InvariantCulture),
            long.Parse(fields[12], CultureInfo.InvariantCulture),
            long.Parse(fields[7], CultureInfo.InvariantCulture),
            long.Parse(fields[9], CultureInfo.InvariantCulture),
            threads);
    }

    /// <summary>
    /// Thread groups by name with the digits taken out (".NET TP Worker", ".NET Server GC", "dotnet", …): per group the
    /// threads alive at the end, CPU and run-queue wait per request, switches and migrations per 1,000 requests.
    /// </summary>
    public static IReadOnlyList<ThreadGroupFigures> Groups(ThreadSnapshot before, ThreadSnapshot after, long requests)
    {
        var perRequest = requests == 0 ? double.NaN : 1.0 / requests;
        return after.Threads
            .GroupBy(t => GroupName(t.Value.Name))
            .Select(group =>
            {
                double run = 0, wait = 0, voluntary = 0, involuntary = 0, migrations = 0;
                var cores = new int[Environment.ProcessorCount];
                foreach (var (id, now) in group)
                {
                    var then = before.Threads.TryGetValue(id, out var earlier) && earlier.Name == now.Name ? earlier : ThreadFigures.Zero;
                    run += now.RunNanoseconds - then.RunNanoseconds;
                    wait += now.WaitNanoseconds - then.WaitNanoseconds;
                    voluntary += now.VoluntarySwitches - then.VoluntarySwitches;
                    involuntary += now.InvoluntarySwitches - then.InvoluntarySwitches;
                    migrations += now.Migrations - then.Migrations;
                    if (now.LastCore >= 0 && now.LastCore < cores.Length && now.RunNanoseconds > then.RunNanoseconds)
                    {
                        cores[now.LastCore]++;
                    }
                }

                return new ThreadGroupFigures(
                    group.Key,
                    group.Count(),
                    run / 1e6 * perRequest,
                    wait / 1e6 * perRequest,
                    voluntary * 1000 * perRequest,
                    involuntary * 1000 * perRequest,
                    migrations * 1000 * perRequest,
                    string.Join("/", cores));
            })
            .Where(g => g.CpuMillisecondsPerRequest > 0.0005 || g.VoluntaryPerThousand > 0.5)
            .OrderByDescending(g => g.CpuMillisecondsPerRequest)
            .ToList();
    }

    /// <summary>A thread's name without its number, so a pool's threads fall in one group.</summary>
    public static string GroupName(string name) =>
        string.Concat(name.Where(c => !char.IsAsciiDigit(c))).Trim().TrimEnd('#').Trim();

    /// <summary>The "name : value" lines of a task's <c>sched</c> file (the scheduler's debug figures).</summary>
    private static Dictionary<string, double> SchedValues(string path)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && double.TryParse(line[(colon + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values[line[..colon].Trim()] = value;
            }
        }

        return values;
    }
}

/// <summary>One thread's running totals: CPU and run-queue wait (ns), context switches, migrations, last core.</summary>
public readonly record struct ThreadFigures(string Name, long RunNanoseconds, long WaitNanoseconds, long VoluntarySwitches, long InvoluntarySwitches, long Migrations, int LastCore)
{
    public static readonly ThreadFigures Zero = new("", 0, 0, 0, 0, 0, -1);
}

/// <summary>One thread group's figures over a measured level (<see cref="ThreadSnapshot.Groups"/>); Cores = threads last seen on core 0/1/….</summary>
public sealed record ThreadGroupFigures(string Name, int Threads, double CpuMillisecondsPerRequest, double WaitMillisecondsPerRequest, double VoluntaryPerThousand, double InvoluntaryPerThousand, double MigrationsPerThousand, string Cores);
