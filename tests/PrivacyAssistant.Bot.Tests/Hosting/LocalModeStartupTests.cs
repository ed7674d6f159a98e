using System.Text.RegularExpressions;
using PrivacyAssistant.Testing.Hosting;

namespace PrivacyAssistant.Bot.Tests.Hosting;

/// <summary>Without an app id the real host listens on loopback only, says so, and refuses anything else.</summary>
public sealed partial class LocalModeStartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LocalMode_OnLoopback_StartsAndSaysItIsInLocalMode()
    {
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"]);

        Assert.True(await bot.WaitForOutputAsync("Application started", Timeout), bot.Output);

        Assert.Contains("LOCAL MODE", bot.Output, StringComparison.Ordinal);
        var listening = ListeningOn().Match(bot.Output);
        Assert.True(listening.Success, bot.Output);
        using var client = new HttpClient();
        using var health = await client.GetAsync(new Uri(new Uri(listening.Groups[1].Value), "/healthz"));
        Assert.True(health.IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:0")]
    [InlineData("--urls", "http://*:0")]
    [InlineData("--urls", "http://127.0.0.1:0;http://[::]:0")]
    public async Task LocalMode_OnAPublicInterface_RefusesToStart(string option, string value)
    {
        await using var bot = BotProcess.Start([option, value]);

        var exitCode = await bot.WaitForExitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Refusing to start", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Application started", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_WithContainerHttpPorts_RefusesToStart()
    {
        await using var bot = BotProcess.Start([], new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "0", ["Urls"] = string.Empty });

        var exitCode = await bot.WaitForExitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Refusing to start", bot.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
