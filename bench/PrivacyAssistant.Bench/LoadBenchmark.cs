using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Bench;

/// <summary>
/// Throughput and latency of <c>POST /api/messages</c> at fixed concurrency levels, for our bot
/// and, in the same run, the botbuilder peer; CPU and peak RSS of the bot process per level.
/// </summary>
public static class LoadBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var workload = Workload.FromTestSet();
        Console.WriteLine($"# Load: {workload.Questions.Count} questions from the test set, expectReplies, levels {string.Join(", ", options.Levels)}, " +
            $"{options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured per level, {Environment.ProcessorCount} cores");
        Console.WriteLine(options.Settle > TimeSpan.Zero
            ? $"# Each bot first settles (JIT warm-up): c={BenchOptions.SettleConcurrency} in {SettleSlice.TotalSeconds:0} s slices until the tiered-JIT thread is (almost) idle and CPU per request stops falling, at most {options.Settle.TotalSeconds:0} s"
            : "# No settle phase (--settle 0): the first level starts right after the reply check");
        Console.WriteLine("# " + options.DescribeOurs());
        Console.WriteLine("# Load client: " + (options.RawClient ? "raw HTTP/1.1 over sockets (--client raw)" : "HttpClient (--client http)") +
            "; gen CPU ms/req = the load generator's own process CPU per request (it shares the cores with the bot)");

        var results = new List<LevelResult>();
        results.AddRange(await MeasureAsync(BotUnderTest.Ours(options), workload, options));
        if (options.Peer)
        {
            results.AddRange(await MeasureAsync(BotUnderTest.Peer(), workload, options));
        }

        Console.WriteLine();
        Console.WriteLine("| bot | concurrency | req/s | p50 ms | p95 ms | p99 ms | errors | CPU % (of one core) | CPU ms/req | peak RSS MB | gen CPU ms/req | bytes/response |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine(Invariant($"| {r.Bot} | {r.Concurrency} | {r.RequestsPerSecond:0} | {r.P50:0.00} | {r.P95:0.00} | {r.P99:0.00} | {r.Errors} | {r.CpuPercent:0} | {r.CpuMillisecondsPerRequest:0.00} | {r.PeakRssMegabytes:0} | {r.GeneratorCpuMillisecondsPerRequest:0.00} | {r.BytesPerResponse:0} |"));
        }

        if (options.Peer)
        {
            Console.WriteLine();
            Console.WriteLine("| concurrency | req/s ours/peer | p99 ours/peer | peak RSS ours/peer |");
            Console.WriteLine("| ---: | ---: | ---: | ---: |");
            foreach (var ours in results.Where(r => r.Bot == "ours"))
            {
                if (results.FirstOrDefault(r => r.Bot == "peer" && r.Concurrency == ours.Concurrency) is { } peer)
                {
                    Console.WriteLine(Invariant($"| {ours.Concurrency} | {ours.RequestsPerSecond / peer.RequestsPerSecond:0.00} | {ours.P99 / peer.P99:0.00} | {ours.PeakRssMegabytes / peer.PeakRssMegabytes:0.00} |"));
                }
            }
        }

        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    private static async Task<List<LevelResult>> MeasureAsync(BotUnderTest bot, Workload workload, BenchOptions options)
    {
        await using var _ = bot;
        await bot.WaitUntilListeningAsync(TimeSpan.FromSeconds(120));
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var decisions = await CheckRepliesAsync(bot, client, workload);
        await using ILoadClient load = options.RawClient
            ? new RawHttpLoadClient(bot.BaseAddress, workload)
            : new HttpClientLoadClient(client, workload);
        if (load is RawHttpLoadClient raw)
        {
            await CompareClientsAsync(bot, client, raw, workload);
        }

        await SettleAsync(bot, load, workload, options.Settle);

        var results = new List<LevelResult>();
        foreach (var level in options.Levels)
        {
            // The machine's own speed with the bot idle, before the level's load starts (--diagnostics).
            var speed = options.Diagnostics && bot.Name == "ours" ? MachineSpeed.Measure() : default;
            await RunLevelAsync(load, workload, level, options.Warmup, sampler: null);
            var before = bot.Sample();
            var generatorBefore = ProcessSample.Read(Environment.ProcessId);
            var peak = new PeakRss(bot);
            var botPauses = options.ByQuestion ? GcPauses.TryStart(bot.ProcessId, bot.Name) : null;
            var generatorPauses = options.ByQuestion ? GcPauses.TryStart(Environment.ProcessId, "load generator") : null;
            var timeline = options.ByQuestion ? new CpuTimeline(bot.ProcessId) : null;
            var diagnose = options.Diagnostics && bot.Name == "ours";
            await using var runtime = diagnose ? RuntimeActivity.TryStart(bot.ProcessId, bot.Name) : null;
            var threadsBefore = diagnose ? ThreadSnapshot.Read(bot.ProcessId) : null;
            var generatorThreadsBefore = diagnose ? ThreadSnapshot.Read(Environment.ProcessId) : null;
            var loadAverage = diagnose ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
            var machineBefore = diagnose ? MachineTicks() : default;
            using var stopTimeline = new CancellationTokenSource();
            var timelineTask = timeline?.RunAsync(stopTimeline.Token) ?? Task.CompletedTask;
            var watch = Stopwatch.StartNew();
            var (samples, errors, bodyBytes) = await RunLevelAsync(load, workload, level, options.Duration, peak);
            var elapsed = watch.Elapsed;
            await stopTimeline.CancelAsync();
            await timelineTask;
            IReadOnlyList<GcPause>? botPauseList = botPauses is null ? null : await botPauses.StopAsync();
            IReadOnlyList<GcPause>? generatorPauseList = generatorPauses is null ? null : await generatorPauses.StopAsync();
            var threadsAfter = diagnose ? ThreadSnapshot.Read(bot.ProcessId) : null;
            var generatorThreadsAfter = diagnose ? ThreadSnapshot.Read(Environment.ProcessId) : null;
            var machineAfter = diagnose ? MachineTicks() : default;
            var runtimeSummary = runtime is null ? null : await runtime.StopAsync(elapsed.TotalSeconds, samples.Count);
            var after = bot.Sample();
            var generatorAfter = ProcessSample.Read(Environment.ProcessId);
            var latencies = samples.Select(s => s.Milliseconds).ToList();
            latencies.Sort();
            var result = new LevelResult(
                bot.Name,
                level,
                latencies.Count / elapsed.TotalSeconds,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.95),
                Percentile(latencies, 0.99),
                errors,
                (after.CpuTicks - before.CpuTicks) / ProcessSample.TicksPerSecond / elapsed.TotalSeconds * 100,
                latencies.Count == 0 ? double.NaN : (after.CpuTicks - before.CpuTicks) / ProcessSample.TicksPerSecond * 1000 / latencies.Count,
                Math.Max(peak.Max, after.RssBytes) / 1024.0 / 1024.0,
                latencies.Count == 0 ? double.NaN : (generatorAfter.CpuTicks - generatorBefore.CpuTicks) / ProcessSample.TicksPerSecond * 1000 / latencies.Count,
                latencies.Count == 0 ? double.NaN : (double)bodyBytes / latencies.Count);
            Console.WriteLine(Invariant($"{result.Bot,-5} c={level,-4} {result.RequestsPerSecond,8:0} req/s  p50 {result.P50,7:0.00}  p95 {result.P95,7:0.00}  p99 {result.P99,7:0.00} ms  errors {errors}  CPU {result.CpuPercent:0}% ({result.CpuMillisecondsPerRequest:0.00} ms/req)  peak RSS {result.PeakRssMegabytes:0} MB  gen CPU {result.GeneratorCpuMillisecondsPerRequest:0.00} ms/req  {result.BytesPerResponse:0} B/resp"));
            results.Add(result);
            if (threadsBefore is not null && threadsAfter is not null)
            {
                PrintDiagnostics(threadsBefore, threadsAfter, runtimeSummary, samples.Count, loadAverage!);
                PrintGeneratorCost(generatorThreadsBefore!, generatorThreadsAfter!, samples.Count);
                Console.WriteLine(Invariant(
                    $"  machine: idle {(machineAfter.Idle - machineBefore.Idle) / (double)(machineAfter.Total - machineBefore.Total):0.0%} and steal {(machineAfter.Steal - machineBefore.Steal) / (double)(machineAfter.Total - machineBefore.Total):0.0%} of both cores in the level, ") + Invariant(
                    $"other processes {OtherCores(machineBefore, machineAfter, (after.CpuTicks - before.CpuTicks) + (generatorAfter.CpuTicks - generatorBefore.CpuTicks)):0.00} cores; ") + Invariant(
                    $"core speed before the level (bot idle, CPU ns per step, fastest of 5): compute {speed.ComputeNanoseconds:0.000}, memory walk {speed.MemoryNanoseconds:0.00}"));
            }

            if (options.ByQuestion)
            {
                QuestionBreakdown.Print(bot.Name, level, samples, decisions, botPauseList, generatorPauseList, timeline?.Points, botPauses?.Heaps ?? 0);
                if (botPauses is not null) await botPauses.DisposeAsync();
                if (generatorPauses is not null) await generatorPauses.DisposeAsync();
            }
        }

        return results;
    }

    /// <summary>
    /// <c>--diagnostics</c>: the bot's user and kernel CPU and page faults per request, its thread groups and the runtime's
    /// GC, JIT and contention counts over the measured level, and the load average when it started.
    /// </summary>
    private static void PrintDiagnostics(ThreadSnapshot before, ThreadSnapshot after, string? runtime, long requests, string loadAverage)
    {
        var perRequest = requests == 0 ? double.NaN : 1.0 / requests;
        Console.WriteLine(Invariant(
            $"  diagnostics: load average {loadAverage}; user {(after.UserTicks - before.UserTicks) * 10 * perRequest:0.000} + kernel {(after.SystemTicks - before.SystemTicks) * 10 * perRequest:0.000} ms/req; ") + Invariant(
            $"minor faults {(after.MinorFaults - before.MinorFaults) * 1000 * perRequest:0.0} per 1,000 requests, major {after.MajorFaults - before.MajorFaults}; threads {after.Threads.Count}"));
        if (runtime is not null)
        {
            Console.WriteLine("  " + runtime);
        }

        Console.WriteLine("  | threads | n | CPU ms/req | run-queue wait ms/req | voluntary switches /1k req | involuntary /1k | migrations /1k | last core 0/1 |");
        foreach (var g in ThreadSnapshot.Groups(before, after, requests))
        {
            Console.WriteLine(Invariant($"  | {g.Name} | {g.Threads} | {g.CpuMillisecondsPerRequest:0.0000} | {g.WaitMillisecondsPerRequest:0.0000} | {g.VoluntaryPerThousand:0.0} | {g.InvoluntaryPerThousand:0.0} | {g.MigrationsPerThousand:0.0} | {g.Cores} |"));
        }
    }

    /// <summary>
    /// The load generator's own CPU per request in microseconds (<c>--diagnostics</c>), its threads' run time from
    /// <c>schedstat</c> without the EventPipe readers'. Its work per request is fixed (the raw client writes prepared bytes
    /// and reads a response), so it is a control measured on the same cores during the level: if the bot's CPU per
    /// request and the generator's rise together, the cores were slower; if only the bot's, the bot did more work.
    /// </summary>
    private static void PrintGeneratorCost(ThreadSnapshot before, ThreadSnapshot after, long requests)
    {
        var groups = ThreadSnapshot.Groups(before, after, requests);
        var all = groups.Sum(g => g.CpuMillisecondsPerRequest);
        var readers = groups.Where(g => g.Name.StartsWith("runtime activit", StringComparison.Ordinal) || g.Name.StartsWith("GC pause reader", StringComparison.Ordinal))
            .Sum(g => g.CpuMillisecondsPerRequest);
        Console.WriteLine(Invariant($"  generator: {(all - readers) * 1000:0.00} µs CPU per request without the EventPipe reader ({readers * 1000:0.00} µs)"));
    }

    /// <summary>The machine's idle, steal and total clock ticks over both cores so far (<c>/proc/stat</c>, first line).</summary>
    private static (long Idle, long Steal, long Total) MachineTicks()
    {
        var fields = ProcFiles.MachineCpuTicks();
        return (fields[3] + fields[4], fields[7], fields.Take(8).Sum());
    }

    /// <summary>
    /// Cores the machine's other processes used in a level: its busy ticks (all but idle and steal) less the bot's and
    /// the generator's, over the level's length (both cores' ticks ÷ their number).
    /// </summary>
    private static double OtherCores((long Idle, long Steal, long Total) before, (long Idle, long Steal, long Total) after, long oursTicks)
    {
        var total = after.Total - before.Total;
        var busy = total - (after.Idle - before.Idle) - (after.Steal - before.Steal);
        return total == 0 ? 0 : (double)(busy - oursTicks) / total * Environment.ProcessorCount;
    }

    /// <summary>Length of one slice of the settle phase.</summary>
    private static readonly TimeSpan SettleSlice = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs load in 5 s slices, at most <paramref name="limit"/>, until the bot is warm: its background
    /// tiered-JIT thread (ours) used under 5 % of the bot's CPU in the slice and CPU per request is no
    /// more than 10 % below the slice before. (A share of the bot's CPU, not of a core: on a busy
    /// machine a starved bot's JIT thread gets little of a core while it is still far from done.) Right after start-up .NET's tiered JIT recompiles the hot path (tier 0,
    /// instrumented, then optimised with the profile) on that thread; here it took 20–30 % of a core
    /// and 2–4× the CPU per request for ≈ 20–50 s (RELIABILITY.md), so without this the first level
    /// measured the warm-up, not the bot. CPU per request alone is not enough: it stays flat for
    /// seconds before tier 1 arrives. The slices are printed, so the warm-up stays visible.
    /// </summary>
    private static async Task SettleAsync(BotUnderTest bot, ILoadClient client, Workload workload, TimeSpan limit)
    {
        if (limit <= TimeSpan.Zero)
        {
            return;
        }

        var slices = new List<(double RequestsPerSecond, double CpuMillisecondsPerRequest, double JitShare)>();
        var settled = false;
        var watch = Stopwatch.StartNew();
        while (!settled && watch.Elapsed < limit)
        {
            var before = bot.Sample();
            var jitBefore = bot.TieredJitCpuTicks();
            var sliceWatch = Stopwatch.StartNew();
            var (latencies, _, _) = await RunLevelAsync(client, workload, BenchOptions.SettleConcurrency, SettleSlice, sampler: null);
            var seconds = sliceWatch.Elapsed.TotalSeconds;
            var cpuTicks = bot.Sample().CpuTicks - before.CpuTicks;
            var jitShare = cpuTicks == 0 ? 0 : (double)ProcessSample.ThreadCpuTicksBetween(jitBefore, bot.TieredJitCpuTicks()) / cpuTicks;
            var cpuMilliseconds = cpuTicks / ProcessSample.TicksPerSecond * 1000;
            slices.Add((latencies.Count / seconds, latencies.Count == 0 ? double.NaN : cpuMilliseconds / latencies.Count, jitShare));
            settled = slices.Count >= 2 && jitShare < 0.05 && slices[^1].CpuMillisecondsPerRequest >= 0.9 * slices[^2].CpuMillisecondsPerRequest;
        }

        Console.WriteLine(Invariant($"{bot.Name}: {(settled ? "settled" : "still settling")} after {watch.Elapsed.TotalSeconds:0} s at c={BenchOptions.SettleConcurrency}; ") +
            "per 5 s slice req/s, CPU ms/req, tiered-JIT thread's share of the bot's CPU: " +
            string.Join("; ", slices.Select(s => Invariant($"{s.RequestsPerSecond:0}, {s.CpuMillisecondsPerRequest:0.00}, {s.JitShare:0%}"))));
    }

    /// <summary>
    /// Every question once: all must get 200 with replies; says how many replies came from the knowledge base. Returns
    /// each question's decision (<c>channelData.privacyAssistant.decision</c>: answer, clarify, none, breach; "-" for a
    /// reply without one, "no reply" for none at all), which <c>--by-question</c> groups the latencies by.
    /// </summary>
    private static async Task<string[]> CheckRepliesAsync(BotUnderTest bot, HttpClient client, Workload workload)
    {
        int answered = 0, fromKnowledge = 0;
        var decisions = new string[workload.Questions.Count];
        for (var i = 0; i < workload.Questions.Count; i++)
        {
            decisions[i] = "no reply";
            using var response = await HttpClientLoadClient.PostAsync(client, workload.Body(i));
            var body = await response.Content.ReadAsStringAsync();
            var replies = response.IsSuccessStatusCode ? JsonNode.Parse(body)?["activities"]?.AsArray() : null;
            if (replies is { Count: > 0 })
            {
                answered++;
                decisions[i] = replies.Select(reply => reply?["channelData"]?["privacyAssistant"]?["decision"]?.ToString()).FirstOrDefault(d => d is not null) ?? "-";
                if (replies.Any(reply => reply?["channelData"]?["privacyAssistant"]?["entryId"] is not null))
                {
                    fromKnowledge++;
                }
            }
        }

        Console.WriteLine($"{bot.Name}: {answered} of {workload.Questions.Count} questions got replies; {fromKnowledge} answered from the knowledge base (entry id in channelData)");
        return decisions;
    }

    /// <summary>
    /// Every question once through the raw client right after HttpClient: the same status codes, the same
    /// number of replies and the same knowledge entries, and the body read through to its end, so the
    /// leaner client measures the same requests (bench/README.md).
    /// </summary>
    private static async Task CompareClientsAsync(BotUnderTest bot, HttpClient client, RawHttpLoadClient raw, Workload workload)
    {
        int same = 0, sameLength = 0;
        for (var i = 0; i < workload.Questions.Count; i++)
        {
            using var response = await HttpClientLoadClient.PostAsync(client, workload.Body(i));
            var expected = await response.Content.ReadAsByteArrayAsync();
            var (status, body) = await raw.PostOnceAsync(i);
            if (status == (int)response.StatusCode && Summary(body) == Summary(expected))
            {
                same++;
            }

            if (body.Length == expected.Length)
            {
                sameLength++;
            }
        }

        Console.WriteLine($"{bot.Name}: raw client against HttpClient, every question once: {same} of {workload.Questions.Count} same status, reply count and entry ids; {sameLength} bodies of the same length");
        if (same != workload.Questions.Count)
        {
            throw new InvalidOperationException("The raw client does not get the responses HttpClient gets; its figures would not be comparable.");
        }

        static string Summary(byte[] body)
        {
            var replies = body.Length == 0 ? null : JsonNode.Parse(body)?["activities"]?.AsArray();
            return replies is null
                ? "none"
                : $"{replies.Count}:" + string.Join(",", replies.Select(reply => reply?["channelData"]?["privacyAssistant"]?["entryId"]?.ToString() ?? "-"));
        }
    }

    private static async Task<(List<LoadSample> Samples, int Errors, long BodyBytes)> RunLevelAsync(ILoadClient client, Workload workload, int concurrency, TimeSpan duration, PeakRss? sampler)
    {
        using var stop = new CancellationTokenSource(duration);
        var errors = 0;
        long bodyBytes = 0;
        var samplerTask = sampler?.RunAsync(stop.Token) ?? Task.CompletedTask;
        var workers = Enumerable.Range(0, concurrency).Select(async index =>
        {
            var user = client.User(index);
            var samples = new List<LoadSample>(4096);
            long bytes = 0;
            while (!stop.IsCancellationRequested)
            {
                var question = workload.NextIndex();
                var started = Stopwatch.GetTimestamp();
                var response = await user.PostAsync(question);
                if (!response.IsSuccess)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                samples.Add(new LoadSample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, question, started));
                bytes += response.BodyBytes;
            }

            Interlocked.Add(ref bodyBytes, bytes);
            return samples;
        }).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        await samplerTask;
        return (all, errors, bodyBytes);
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record LevelResult(string Bot, int Concurrency, double RequestsPerSecond, double P50, double P95, double P99, int Errors, double CpuPercent, double CpuMillisecondsPerRequest, double PeakRssMegabytes, double GeneratorCpuMillisecondsPerRequest, double BytesPerResponse);

    /// <summary>Samples the bot's RSS every 100 ms while a level runs.</summary>
    private sealed class PeakRss(BotUnderTest bot)
    {
        public long Max { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                Max = Math.Max(Max, bot.Sample().RssBytes);
                try
                {
                    await Task.Delay(100, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
