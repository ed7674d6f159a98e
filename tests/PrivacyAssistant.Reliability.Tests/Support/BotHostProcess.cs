using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// The built host (<c>PrivacyAssistant.Bot.dll</c>) as a real process on 127.0.0.1 port 0: what
/// crashes, kills and hostile input are tested against. Output is kept for failure messages.
/// </summary>
public sealed partial class BotHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock outputLock = new();

    private BotHostProcess(Process process) => this.process = process;

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (outputLock)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the host with <paramref name="environment"/> (configuration as <c>Section__Key</c>) and waits until it listens.</summary>
    public static async Task<BotHostProcess> StartAsync(IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Testing.RepositoryPaths.Root, "bot", "PrivacyAssistant.Bot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PrivacyAssistant.Bot.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "Bot__AppId" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var host = new BotHostProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline && !host.process.HasExited)
        {
            if (ListeningOn().Match(host.Output) is { Success: true } match && host.Output.Contains("Application started", StringComparison.Ordinal))
            {
                host.BaseAddress = new Uri(match.Groups[1].Value + "/");
                return host;
            }

            await Task.Delay(50);
        }

        var log = host.Output;
        await host.DisposeAsync();
        throw new InvalidOperationException("The bot did not start:\n" + log);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (outputLock)
        {
            output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
