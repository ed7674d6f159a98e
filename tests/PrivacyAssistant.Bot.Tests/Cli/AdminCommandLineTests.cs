using PrivacyAssistant.Bot.Cli;
using PrivacyAssistant.Testing.Hosting;

namespace PrivacyAssistant.Bot.Tests.Cli;

public sealed class AdminCommandLineTests
{
    [Theory]
    [InlineData(new[] { "check-config" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "help" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:3978" }, false)]
    [InlineData(new[] { "--Bot:AppId=x" }, false)]
    public void Handles_OnlyKnownCommandsAndHelp(string[] args, bool handled) =>
        Assert.Equal(handled, AdminCommandLine.Handles(args));

    [Fact]
    public void Commands_AreNamedWithoutALeadingDash_SoHostOptionsNeedNoCommandTree() =>
        Assert.All(AdminCommandLine.CreateRoot().Subcommands, c => Assert.False(c.Name.StartsWith('-'), c.Name));

    [Fact]
    public async Task CheckConfig_ReportsLocalModeAndSucceeds()
    {
        await using var process = BotProcess.Start(["check-config"]);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Contains("local mode", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_WithABrokenConfiguration_FailsNamingTheProblem()
    {
        await using var process = BotProcess.Start(["check-config"], new Dictionary<string, string> { ["Bot__AppId"] = "not-a-guid", ["Bot__ClientSecret"] = "x" });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("Bot:AppId", process.Output, StringComparison.Ordinal);
    }
}
