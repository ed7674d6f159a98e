using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Bench;

/// <summary>
/// Start-up: from process start to the first answered request (a question with expectReplies that
/// gets 200 and at least one reply), the CPU time the process used until then, and its RSS right
/// after that answer. The bots take turns run by run (ours, the <c>--compare</c> build, the peer),
/// so a busy spell on a shared machine hits all of them rather than one.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var workload = Workload.FromTestSet();
        Console.WriteLine($"# Start-up: {options.Runs} runs per bot, interleaved, {Environment.ProcessorCount} cores");
        Console.WriteLine("# " + options.DescribeOurs());
        var contestants = new List<(string Name, Func<BotUnderTest> Start, List<Measurement> Runs)>
        {
            ("ours", () => BotUnderTest.Ours(options), []),
        };
        if (options.Compare is { } compare)
        {
            contestants.Add((options.CompareName, () => BotUnderTest.Ours(options, compare), []));
        }

        if (options.Peer)
        {
            contestants.Add(("peer", BotUnderTest.Peer, []));
        }

        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var (name, start, runs) in contestants)
            {
                var measurement = await MeasureAsync(start, workload, run);
                runs.Add(measurement);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} run {run + 1}: first answer after {measurement.WallMs:0} ms, CPU {measurement.CpuMs:0} ms, RSS {measurement.RssMb:0} MB"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| bot | first answer median ms | min ms | max ms | CPU ms until first answer, median (min–max) | RSS after first answer MB (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, _, runs) in contestants)
        {
            var wall = runs.Select(r => r.WallMs).Order().ToList();
            var cpu = runs.Select(r => r.CpuMs).Order().ToList();
            var rss = runs.Select(r => r.RssMb).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(wall):0} | {wall[0]:0} | {wall[^1]:0} | {Median(cpu):0} ({cpu[0]:0}–{cpu[^1]:0}) | {Median(rss):0} |"));
        }

        return 0;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static async Task<Measurement> MeasureAsync(Func<BotUnderTest> start, Workload workload, int run)
    {
        await using var bot = start();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await bot.WaitUntilListeningAsync(TimeSpan.FromSeconds(120));
        client.BaseAddress = bot.BaseAddress;
        while (true)
        {
            var content = new ByteArrayContent(workload.Body(run % workload.Questions.Count));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            try
            {
                using var response = await client.PostAsync("api/messages", content);
                if (response.IsSuccessStatusCode
                    && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["activities"]?.AsArray() is { Count: > 0 })
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }

            await Task.Delay(10);
        }

        var wall = Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalMilliseconds;
        var sample = bot.Sample();
        return new Measurement(wall, sample.CpuTicks * 1000 / ProcessSample.TicksPerSecond, sample.RssBytes / 1024.0 / 1024.0);
    }

    private readonly record struct Measurement(double WallMs, double CpuMs, double RssMb);
}
