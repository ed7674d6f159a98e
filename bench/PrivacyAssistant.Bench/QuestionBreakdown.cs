using System.Diagnostics;

namespace PrivacyAssistant.Bench;

/// <summary>
/// <c>--by-question</c>: what a level's slow requests are made of. In a closed loop the mean latency is fixed by the
/// throughput (Little's law), but the tail is not: it is either particular questions (an expensive path, e.g. the
/// example questions, two searches, a long text) or moments (a collection pausing every turn in flight, the thread
/// pool falling behind). This prints the latencies by the reply's decision, the spread of the questions' own medians,
/// which questions (by index, never text: the workload is a held-out set) the slowest 1 % came from against what
/// chance would give, and how much of the latency's variance the question explains against the moment it was sent
/// (10 ms windows). bench/README.md, RELIABILITY.md "Session 13, the tail".
/// </summary>
public static class QuestionBreakdown
{
    /// <summary>Width of the send-time windows the moment-of-sending grouping uses.</summary>
    private static readonly double WindowMilliseconds = 10;

    public static void Print(string bot, int level, List<LoadSample> samples, string[] decisions, IReadOnlyList<GcPause>? botPauses, IReadOnlyList<GcPause>? generatorPauses, IReadOnlyList<CpuPoint>? timeline, int botHeaps)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        var cut = LoadBenchmark.Percentile(sorted, 0.99);
        var slow = samples.Where(s => s.Milliseconds > cut).ToList();
        var slowShare = (double)slow.Count / samples.Count;
        Console.WriteLine(LoadBenchmark.Invariant($"{bot} c={level} by question: {samples.Count} requests, p99 {cut:0.00} ms; the slowest 1 % = the {slow.Count} requests above it"));

        Console.WriteLine("| decision | questions | share of requests | p50 ms | p95 ms | p99 ms | mean ms | share of the slowest 1 % |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in samples.GroupBy(s => decisions[s.Question]).OrderByDescending(g => g.Count()))
        {
            var latencies = group.Select(s => s.Milliseconds).Order().ToList();
            var questions = group.Select(s => s.Question).Distinct().Count();
            var inSlow = slow.Count(s => decisions[s.Question] == group.Key);
            Console.WriteLine(LoadBenchmark.Invariant($"| {group.Key} | {questions} | {(double)latencies.Count / samples.Count:0.0%} | {LoadBenchmark.Percentile(latencies, 0.5):0.00} | {LoadBenchmark.Percentile(latencies, 0.95):0.00} | {LoadBenchmark.Percentile(latencies, 0.99):0.00} | {latencies.Average():0.00} | {(slow.Count == 0 ? 0 : (double)inSlow / slow.Count):0.0%} |"));
        }

        var byQuestion = samples.GroupBy(s => s.Question).ToList();
        var medians = byQuestion.Select(g => LoadBenchmark.Percentile(g.Select(s => s.Milliseconds).Order().ToList(), 0.5)).Order().ToList();
        Console.WriteLine(LoadBenchmark.Invariant($"per-question medians over {medians.Count} questions: min {medians[0]:0.00}, p10 {LoadBenchmark.Percentile(medians, 0.1):0.00}, p50 {LoadBenchmark.Percentile(medians, 0.5):0.00}, p90 {LoadBenchmark.Percentile(medians, 0.9):0.00}, max {medians[^1]:0.00} ms"));

        // Chance: each question's requests land in the slowest 1 % at the overall rate.
        var slowByQuestion = slow.GroupBy(s => s.Question).ToDictionary(g => g.Key, g => g.Count());
        var counts = byQuestion.ToDictionary(g => g.Key, g => g.Count());
        var top = slowByQuestion.OrderByDescending(p => p.Value).Take(10)
            .Select(p => LoadBenchmark.Invariant($"#{p.Key} {decisions[p.Key]} {p.Value} (chance {counts[p.Key] * slowShare:0.0})"));
        Console.WriteLine($"the slowest 1 % came from {slowByQuestion.Count} of {counts.Count} questions; most: {string.Join(", ", top)}");

        // Variance explained (eta squared) by the question against by the 10 ms window the request was sent in.
        var mean = samples.Average(s => s.Milliseconds);
        var total = samples.Sum(s => (s.Milliseconds - mean) * (s.Milliseconds - mean));
        var start = samples.Min(s => s.SentTicks);
        var windowTicks = WindowMilliseconds / 1000 * Stopwatch.Frequency;
        var byWindow = samples.GroupBy(s => (long)((s.SentTicks - start) / windowTicks)).ToList();
        Console.WriteLine(LoadBenchmark.Invariant($"share of the latency's variance explained by the question: {Explained(byQuestion, mean, total):0.0%}; by the {WindowMilliseconds:0} ms window it was sent in: {Explained(byWindow, mean, total):0.0%} ({byWindow.Count} windows)"));

        var slowWindows = slow.GroupBy(s => (long)((s.SentTicks - start) / windowTicks)).Select(g => g.Count()).OrderDescending().ToList();
        var chanceWindows = byWindow.Count * (1 - Math.Pow(1 - 1.0 / byWindow.Count, slow.Count));
        var topTwentieth = slowWindows.Take(Math.Max(1, byWindow.Count / 20)).Sum();
        Console.WriteLine(LoadBenchmark.Invariant($"the slowest 1 % were sent in {slowWindows.Count} of {byWindow.Count} windows (spread at random: about {chanceWindows:0}); the 5 % of windows with the most hold {(slow.Count == 0 ? 0 : (double)topTwentieth / slow.Count):0%} of them"));
        PrintPauses(LoadBenchmark.Invariant($"bot ({botHeaps} GC heaps)"), botPauses, samples, slow);
        PrintPauses("load generator", generatorPauses, samples, slow);
        PrintTimeline(timeline, samples);
    }

    /// <summary>
    /// The GC pauses of one process during the level, and how much of them the requests sat through: a pause stops every
    /// turn in flight (or, in the generator, every response being read), so it lands on all of them at once.
    /// </summary>
    private static void PrintPauses(string process, IReadOnlyList<GcPause>? pauses, List<LoadSample> samples, List<LoadSample> slow)
    {
        if (pauses is null)
        {
            return;
        }

        var end = samples.Max(s => s.CompletedTicks);
        var start = samples.Min(s => s.SentTicks);
        var inLevel = pauses.Where(p => p.EndTicks > start && p.StartTicks < end).ToList();
        var levelMilliseconds = (end - start) * 1000.0 / Stopwatch.Frequency;
        var lengths = inLevel.Select(p => p.Milliseconds).Order().ToList();
        var byGeneration = string.Join(", ", inLevel.GroupBy(p => p.Generation).OrderBy(g => g.Key).Select(g => LoadBenchmark.Invariant($"gen {g.Key}: {g.Count()} ({g.Sum(p => p.Milliseconds):0} ms)")));
        Console.WriteLine(LoadBenchmark.Invariant($"{process} GC: {inLevel.Count} pauses in the level ({byGeneration}), {lengths.Sum():0} ms = {lengths.Sum() / levelMilliseconds:0.0%} of it; pause p50 {(lengths.Count == 0 ? 0 : LoadBenchmark.Percentile(lengths, 0.5)):0.00}, max {(lengths.Count == 0 ? 0 : lengths[^1]):0.00} ms"));
        if (inLevel.Count == 0)
        {
            return;
        }

        var all = samples.Select(s => Overlap(s, inLevel)).ToList();
        var slowOverlap = slow.Select(s => Overlap(s, inLevel)).ToList();
        var withoutPauses = samples.Select((s, i) => s.Milliseconds - all[i]).Order().ToList();
        Console.WriteLine(LoadBenchmark.Invariant($"  pause time a request sat through: mean {all.Average():0.00} ms over all requests, {slowOverlap.Average():0.00} ms over the slowest 1 % ({slowOverlap.Count(o => o > 0) * 100.0 / Math.Max(1, slow.Count):0}% of them sat through one); latency minus it: p50 {LoadBenchmark.Percentile(withoutPauses, 0.5):0.00}, p99 {LoadBenchmark.Percentile(withoutPauses, 0.99):0.00} ms"));
    }

    /// <summary>Width of the windows the CPU timeline is summed over (completions per window = the throughput then).</summary>
    private const double TimelineWindowMilliseconds = 100;

    /// <summary>
    /// The level in 100 ms windows by completion time: the 5 % with the fewest completions (the throughput dips the
    /// closed loop turns into latency: 200 ÷ throughput) against all, with where the two cores went in them.
    /// </summary>
    private static void PrintTimeline(IReadOnlyList<CpuPoint>? timeline, List<LoadSample> samples)
    {
        if (timeline is not { Count: > 2 })
        {
            return;
        }

        var windowTicks = (long)(TimelineWindowMilliseconds / 1000 * Stopwatch.Frequency);
        // Only while the loop was closed: from the first completion to the last send (the sampler runs a little longer
        // on both sides, and a window there has no completions for reasons of its own).
        var first = Math.Max(timeline[0].Ticks, samples.Min(s => s.CompletedTicks));
        var last = Math.Min(timeline[^1].Ticks, samples.Max(s => s.SentTicks));
        var windows = new List<(int Completions, double BotCores, double BotWaiting, double GeneratorCores, double OtherCores, double IdleCores, double StealCores)>();
        for (var from = first; from + windowTicks <= last; from += windowTicks)
        {
            var a = timeline.Last(p => p.Ticks <= from);
            var b = timeline.First(p => p.Ticks >= from + windowTicks);
            var seconds = (double)(b.Ticks - a.Ticks) / Stopwatch.Frequency;
            var completions = samples.Count(s => s.CompletedTicks >= from && s.CompletedTicks < from + windowTicks);
            var bot = (b.BotRun - a.BotRun) / 1e9 / seconds;
            var generator = (b.GeneratorRun - a.GeneratorRun) / 1e9 / seconds;
            var busy = (b.MachineBusy - a.MachineBusy) / ProcessSample.TicksPerSecond / seconds;
            windows.Add((completions, bot, (b.BotWait - a.BotWait) / 1e9 / seconds, generator, Math.Max(0, busy - bot - generator),
                (b.MachineIdle - a.MachineIdle) / ProcessSample.TicksPerSecond / seconds, (b.Steal - a.Steal) / ProcessSample.TicksPerSecond / seconds));
        }

        if (windows.Count < 20)
        {
            return;
        }

        var dipIndices = Enumerable.Range(0, windows.Count).OrderBy(i => windows[i].Completions).Take(windows.Count / 20).Order().ToList();
        var dips = dipIndices.Select(i => windows[i]).ToList();
        Console.WriteLine(LoadBenchmark.Invariant($"the level in {windows.Count} windows of {TimelineWindowMilliseconds:0} ms by completion (cores: 2 = both; machine figures in 10 ms clock ticks, so rough per window):"));
        Console.WriteLine("| windows | req/s | bot CPU (cores) | bot threads waiting for a CPU | generator CPU | other processes | idle | steal |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Row("all", windows);
        Row("the 5 % with the fewest completions", dips);
        Console.WriteLine("the fewest completions in windows (from the start): " + string.Join(", ", dipIndices.Select(i => LoadBenchmark.Invariant($"#{i} ({windows[i].Completions})"))));

        void Row(string name, List<(int Completions, double BotCores, double BotWaiting, double GeneratorCores, double OtherCores, double IdleCores, double StealCores)> rows) =>
            Console.WriteLine(LoadBenchmark.Invariant($"| {name} | {rows.Average(w => w.Completions) * 1000 / TimelineWindowMilliseconds:0} | {rows.Average(w => w.BotCores):0.00} | {rows.Average(w => w.BotWaiting):0.00} | {rows.Average(w => w.GeneratorCores):0.00} | {rows.Average(w => w.OtherCores):0.00} | {rows.Average(w => w.IdleCores):0.00} | {rows.Average(w => w.StealCores):0.00} |"));
    }

    private static double Overlap(LoadSample sample, List<GcPause> pauses)
    {
        var from = sample.SentTicks;
        var to = sample.CompletedTicks;
        long ticks = 0;
        foreach (var p in pauses)
        {
            if (p.StartTicks >= to)
            {
                break;
            }

            if (p.EndTicks > from)
            {
                ticks += Math.Min(to, p.EndTicks) - Math.Max(from, p.StartTicks);
            }
        }

        return ticks * 1000.0 / Stopwatch.Frequency;
    }

    private static double Explained<TKey>(IEnumerable<IGrouping<TKey, LoadSample>> groups, double mean, double total) =>
        total == 0 ? 0 : groups.Sum(g => g.Count() * Math.Pow(g.Average(s => s.Milliseconds) - mean, 2)) / total;
}
