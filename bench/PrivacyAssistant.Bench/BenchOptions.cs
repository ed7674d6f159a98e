using System.Globalization;

namespace PrivacyAssistant.Bench;

/// <summary>Command-line options shared by the benchmarks (<c>--name value</c> or <c>--flag</c>).</summary>
public sealed class BenchOptions
{
    public int[] Levels { get; private init; } = [1, 50, 200];

    public TimeSpan Duration { get; private init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; private init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Longest JIT warm-up of a bot before its first level (<c>--settle</c>, seconds; 0 = none): load
    /// at <see cref="SettleConcurrency"/> in 5 s slices until CPU per request stops falling.
    /// </summary>
    public TimeSpan Settle { get; private init; } = TimeSpan.FromSeconds(120);

    /// <summary>Requests in flight during the settle phase.</summary>
    public const int SettleConcurrency = 50;

    public int Runs { get; private init; } = 5;

    /// <summary>Whether --runs was given (the benchmarks have different defaults).</summary>
    public bool RunsGiven { get; private init; }

    public bool Peer { get; private init; } = true;

    /// <summary>Entry counts of the synthetic knowledge bases (besides the shipped one).</summary>
    public int[] Sizes { get; private init; } = [1000, 5000];

    /// <summary>Runs our bot with log level Warning instead of the shipped configuration, to show what logging costs.</summary>
    public bool QuietLogs { get; private init; }

    /// <summary>Our bot's entry assembly (default: the Release build in the repository; run.sh passes the ReadyToRun publish).</summary>
    public string? Bot { get; private init; }

    /// <summary>A second build of our bot (<c>--compare path/to/PrivacyAssistant.Bot.dll</c>), measured interleaved with the first (start-up).</summary>
    public string? Compare { get; private init; }

    /// <summary>The row name of the <see cref="Compare"/> build (<c>--compare-name</c>).</summary>
    public string CompareName { get; private init; } = "ours (compare)";

    /// <summary>Extra environment variables for our bot (<c>--env NAME=value</c>, repeatable), e.g. GC settings to compare.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; private init; } = [];

    /// <summary>
    /// How the load generator sends requests (<c>--client http|raw</c>): <see cref="HttpClient"/> (default)
    /// or raw HTTP/1.1 over sockets, which leaves more of the shared cores to the bot (bench/README.md).
    /// </summary>
    public bool RawClient { get; private init; }

    /// <summary>
    /// <c>--by-question</c> (load): after each measured level, its latencies grouped by the reply's decision and by
    /// question index, the slowest 1 %'s make-up and how it clusters in time (bench/README.md). Indices only, never text.
    /// </summary>
    public bool ByQuestion { get; private init; }

    /// <summary>
    /// <c>--diagnostics</c> (load): after each measured level of our bot, where its CPU went and how it ran: user and
    /// kernel CPU, page faults, its threads by name (CPU, run-queue wait, context switches, migrations, cores), GC
    /// collections and pauses, methods the JIT compiled by tier, lock contentions (bench/README.md). Counts only.
    /// </summary>
    public bool Diagnostics { get; private init; }

    /// <summary>Which build of our bot runs and with what extra environment, for the results header.</summary>
    public string DescribeOurs() =>
        $"ours = {Bot ?? "bot/PrivacyAssistant.Bot/bin/Release (build output)"}" +
        (Environment.Count > 0 ? ", env " + string.Join(" ", Environment.Select(e => $"{e.Key}={e.Value}")) : "") +
        (QuietLogs ? ", log level Warning" : "") +
        (Compare is null ? "" : $"; compare = {Compare}");

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var defaults = new BenchOptions();
        return new BenchOptions
        {
            Levels = Value("--levels")?.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray() ?? defaults.Levels,
            Duration = Value("--duration") is { } d ? TimeSpan.FromSeconds(double.Parse(d, CultureInfo.InvariantCulture)) : defaults.Duration,
            Warmup = Value("--warmup") is { } w ? TimeSpan.FromSeconds(double.Parse(w, CultureInfo.InvariantCulture)) : defaults.Warmup,
            Settle = Value("--settle") is { } s ? TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture)) : defaults.Settle,
            Runs = Value("--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : defaults.Runs,
            RunsGiven = Value("--runs") is not null,
            Peer = !args.Contains("--no-peer"),
            Sizes = Value("--sizes")?.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray() ?? defaults.Sizes,
            QuietLogs = args.Contains("--quiet-logs"),
            ByQuestion = args.Contains("--by-question"),
            Diagnostics = args.Contains("--diagnostics"),
            RawClient = Value("--client") switch
            {
                null or "http" => false,
                "raw" => true,
                var other => throw new ArgumentException($"--client {other}: use http or raw"),
            },
            Bot = Value("--bot"),
            Compare = Value("--compare"),
            CompareName = Value("--compare-name") ?? defaults.CompareName,
            Environment = args
                .Select((arg, i) => arg == "--env" && i + 1 < args.Length ? args[i + 1] : null)
                .OfType<string>()
                .Select(pair => pair.Split('=', 2))
                .Select(parts => new KeyValuePair<string, string>(parts[0], parts.Length > 1 ? parts[1] : ""))
                .ToList(),
        };
    }
}
