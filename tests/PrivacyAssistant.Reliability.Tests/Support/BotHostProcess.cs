using System.Text.RegularExpressions;
using PrivacyAssistant.Testing.Hosting;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// The built host (<c>PrivacyAssistant.Bot.dll</c>) as a real process on 127.0.0.1 port 0: what
/// crashes, kills and hostile input are tested against. Output is kept for failure messages.
/// </summary>
public sealed partial class BotHostProcess : IAsyncDisposable
{
    private readonly BotProcess process;

    private BotHostProcess(BotProcess process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    public string Output => process.Output;

    /// <summary>Starts the host with <paramref name="environment"/> (configuration as <c>Section__Key</c>) and waits until it listens.</summary>
    public static async Task<BotHostProcess> StartAsync(IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var process = BotProcess.Start(["--urls", "http://127.0.0.1:0"], environment);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (ListeningOn().Match(process.Output) is { Success: true } match && process.Output.Contains("Application started", StringComparison.Ordinal))
            {
                return new BotHostProcess(process, new Uri(match.Groups[1].Value + "/"));
            }

            await Task.Delay(50);
        }

        var log = process.Output;
        await process.DisposeAsync();
        throw new InvalidOperationException("The bot did not start:\n" + log);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public Task KillAsync() => process.KillAsync();

    public ValueTask DisposeAsync() => process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
