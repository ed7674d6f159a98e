using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PrivacyAssistant.Reliability.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;
using Xunit.Abstractions;

namespace PrivacyAssistant.Reliability.Tests.Hosting;

/// <summary>
/// Hostile input against the running host process (local mode, so every request reaches parsing
/// and routing): mutated real activities and card payloads, injections, damaged bytes, random
/// bytes, deep nesting, huge strings. No request may get a 5xx, the process must survive, and it
/// must still answer a normal question afterwards. <c>PA_FUZZ_SEED</c> and <c>PA_FUZZ_CASES</c>
/// reproduce or extend a run.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeBotConnector connector = null!;
    private BotHostProcess bot = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        bot = await BotHostProcess.StartAsync(new Dictionary<string, string>
        {
            // Keep the log to warnings: thousands of rejected requests are not worth a line each.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Fuzz_MutatedActivitiesAndHostileBytes_NeverGet5xxAndTheHostKeepsAnswering()
    {
        var seed = Setting("PA_FUZZ_SEED", 20261123);
        var count = Setting("PA_FUZZ_CASES", 1500);
        var fuzzer = new ActivityFuzzer(seed, connector.ServiceUrl);
        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();

        await Parallel.ForEachAsync(
            fuzzer.Generate(count).Select((fuzzCase, index) => (fuzzCase, index)),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (item, cancellationToken) =>
            {
                var (fuzzCase, index) = item;
                try
                {
                    using var response = await PostAsync(fuzzCase, cancellationToken);
                    statuses.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    // 501 is the protocol's answer to an invoke the bot does not know (a mutated name), not a failure.
                    if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
                    {
                        Dump(index, fuzzCase);
                        failures.Enqueue($"case {index} ({fuzzCase.Kind}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    Dump(index, fuzzCase);
                    failures.Enqueue($"case {index} ({fuzzCase.Kind}): no answer ({ex.HttpRequestError})");
                }
            });

        output.WriteLine($"seed {seed}, {count} cases: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        Assert.False(bot.HasExited, "the host process died:\n" + bot.Output);
        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} failures:\n" + string.Join("\n", failures.Take(20)) + "\n" + bot.Output);
        await AssertStillAnswersAsync();
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public async Task PostMessages_WithJsonNestedDeeperThanTheLimit_Returns400(int depth)
    {
        var body = TestActivities.Message("hallo", connector.ServiceUrl).ExpectingReplies().ToJsonString()
            .Replace("\"hallo\"", "\"hallo\",\"value\":" + new string('[', depth) + new string(']', depth), StringComparison.Ordinal);

        using var response = await PostAsync(new FuzzCase("deep", Encoding.UTF8.GetBytes(body)), default);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task PostMessages_WithAStringLargerThanTheBodyLimit_Returns413()
    {
        var activity = TestActivities.Message(new string('a', 2 * 1024 * 1024), connector.ServiceUrl).ExpectingReplies();

        using var response = await PostAsync(new FuzzCase("huge", Encoding.UTF8.GetBytes(activity.ToJsonString())), default);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillAnswersAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(fuzzCase.Body);
        if (fuzzCase.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzzCase.ContentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        return await client.SendAsync(request, cancellationToken);
    }

    private async Task AssertStillAnswersAsync()
    {
        using var health = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var response = await client.PostActivityAsync(TestActivities.Message("help", connector.ServiceUrl).ExpectingReplies());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["activities"]?.AsArray();
        Assert.NotNull(replies);
        Assert.NotEmpty(replies);
    }

    /// <summary>With <c>PA_FUZZ_DUMP</c> set to a folder, failing bodies are written there to replay them.</summary>
    private static void Dump(int index, FuzzCase fuzzCase)
    {
        if (Environment.GetEnvironmentVariable("PA_FUZZ_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"case-{index}.body"), fuzzCase.Body);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
