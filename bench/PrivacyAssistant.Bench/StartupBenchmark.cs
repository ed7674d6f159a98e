using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Bench;

/// <summary>
/// Start-up: from process start to the first answered request (a question with expectReplies that
/// gets 200 and at least one reply), and the process's RSS right after that answer.
/// </summary>
public static class StartupBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var workload = Workload.FromTestSet();
        Console.WriteLine($"# Start-up: {options.Runs} runs per bot, {Environment.ProcessorCount} cores");
        Console.WriteLine("# " + options.DescribeOurs());
        var rows = new List<string>();
        rows.Add(await MeasureAsync("ours", () => BotUnderTest.Ours(options), workload, options.Runs));
        if (options.Peer)
        {
            rows.Add(await MeasureAsync("peer", BotUnderTest.Peer, workload, options.Runs));
        }

        Console.WriteLine();
        Console.WriteLine("| bot | first answer median ms | min ms | max ms | RSS after first answer MB (median) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> MeasureAsync(string name, Func<BotUnderTest> start, Workload workload, int runs)
    {
        var times = new List<double>();
        var memory = new List<double>();
        for (var run = 0; run < runs; run++)
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

            times.Add(Stopwatch.GetElapsedTime(bot.StartedTimestamp).TotalMilliseconds);
            memory.Add(bot.Sample().RssBytes / 1024.0 / 1024.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} run {run + 1}: first answer after {times[^1]:0} ms, RSS {memory[^1]:0} MB"));
        }

        times.Sort();
        memory.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:0} | {times[0]:0} | {times[^1]:0} | {memory[memory.Count / 2]:0} |");
    }
}
