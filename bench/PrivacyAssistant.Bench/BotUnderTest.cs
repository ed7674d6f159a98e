using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PrivacyAssistant.Bench;

/// <summary>
/// A bot process on 127.0.0.1 (a free port it picks itself): ours (the Release build of the host,
/// local mode, configuration as shipped) or the peer (bench/peer, botbuilder CloudAdapter echo bot).
/// </summary>
public sealed partial class BotUnderTest : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? dataDirectory;

    private BotUnderTest(string name, Process process, string? dataDirectory)
    {
        Name = name;
        this.process = process;
        this.dataDirectory = dataDirectory;
    }

    public string Name { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public int ProcessId => process.Id;

    /// <summary>When <see cref="Process.Start()"/> returned (for start-up timing).</summary>
    public long StartedTimestamp { get; private set; }

    /// <param name="build">Another build's entry assembly instead of <see cref="BenchOptions.Bot"/>.</param>
    public static BotUnderTest Ours(BenchOptions options, string? build = null)
    {
        var root = Repository.Root;
        var dll = (build ?? options.Bot) is { } given
            ? Path.GetFullPath(given)
            : Path.Combine(root, "bot", "PrivacyAssistant.Bot", "bin", "Release", "net10.0", "PrivacyAssistant.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first: dotnet build -c Release bot/PrivacyAssistant.Bot, or bench/run.sh ({dll} is missing).");
        }

        var data = Path.Combine(Path.GetTempPath(), "pa-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "bot", "PrivacyAssistant.Bot"),
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Storage__Sqlite__Path"] = Path.Combine(data, "bench.db");
        info.Environment.Remove("Bot__AppId");
        foreach (var (name, value) in options.Environment)
        {
            info.Environment[name] = value;
        }

        if (options.QuietLogs)
        {
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        }

        return Start("ours", info, data);
    }

    public static BotUnderTest Peer()
    {
        var folder = Path.Combine(Repository.Root, "bench", "peer");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "botbuilder")))
        {
            throw new DirectoryNotFoundException("Install the peer first: (cd bench/peer && npm ci).");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = folder };
        info.ArgumentList.Add("index.js");
        return Start("peer", info, null);
    }

    private static BotUnderTest Start(string name, ProcessStartInfo info, string? dataDirectory)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var bot = new BotUnderTest(name, new Process { StartInfo = info }, dataDirectory);
        bot.process.OutputDataReceived += (_, e) => bot.OnOutput(e.Data);
        bot.process.ErrorDataReceived += (_, e) => bot.OnOutput(e.Data);
        bot.process.Start();
        bot.StartedTimestamp = Stopwatch.GetTimestamp();
        bot.process.BeginOutputReadLine();
        bot.process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until the process says where it listens.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        BaseAddress = await listening.Task.WaitAsync(timeout);
    }

    public ProcessSample Sample() => ProcessSample.Read(process.Id);

    /// <summary>CPU ticks so far per thread of .NET's background tiered-JIT worker (none for the peer).</summary>
    public Dictionary<int, long> TieredJitCpuTicks() => ProcessSample.ThreadCpuTicks(process.Id, ".NET Tiered Com");

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (dataDirectory is not null)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private void OnOutput(string? line)
    {
        if (line is not null && ListeningOn().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
