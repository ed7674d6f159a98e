using PrivacyAssistant.Testing;
using PrivacyAssistant.Testing.Hosting;

namespace PrivacyAssistant.Bot.Tests.Hosting;

/// <summary>
/// A misconfigured host stops at start-up and says why, as the administrator sees it: the real
/// process exits with an error naming the setting or the file, and never listens.
/// </summary>
/// <remarks>
/// A real process rather than <c>WebApplicationFactory</c>: when start-up fails in-process, the
/// factory and the program's own <c>RunAsync</c> race to dispose the host, and under load the test
/// saw the factory's <c>ObjectDisposedException</c> instead of the start-up error.
/// </remarks>
public sealed class StartupValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MisconfiguredBot_FailsAtStartUpNamingTheSetting()
    {
        await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Bot__AppId"] = "not-a-guid",
            ["Bot__ClientSecret"] = "s3cr3t-for-the-test",
        });

        var exitCode = await bot.WaitForExitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("OptionsValidationException", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Bot:AppId", bot.Output, StringComparison.Ordinal);
        Assert.Contains("Bot:TenantId", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-for-the-test", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Application started", bot.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entries/datalek.md", "entries/datalek.md")]
    [InlineData("school-words.txt", "school-words.txt: the file does not exist")]
    [InlineData("everyday-words.txt", "everyday-words.txt: line 1: words before the first section")]
    [InlineData("stop-words.txt", "stop-words.txt: line 1: words before the first section")]
    [InlineData("out-of-scope.txt", "out-of-scope.txt: line 1: a topic before the first section")]
    [InlineData("how-to-phrases.txt", "how-to-phrases.txt: line 1: a phrase before the first section")]
    public async Task BrokenKnowledgeFile_FailsAtStartUpNamingTheFile(string file, string expected)
    {
        // The knowledge engine is built beside the rest of start-up; its failure must still stop it.
        var folder = Directory.CreateTempSubdirectory("pa-broken-knowledge-").FullName;
        try
        {
            foreach (var source in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "knowledge"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "knowledge"), source));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }

            var broken = Path.Combine(folder, file);
            switch (file)
            {
                case "entries/datalek.md":
                    File.WriteAllText(broken, File.ReadAllText(broken).Replace("id: datalek", "id: [datalek", StringComparison.Ordinal));
                    break;
                case "school-words.txt":
                    File.Delete(broken);
                    break;
                default:
                    File.WriteAllText(broken, "vandaag\n" + File.ReadAllText(broken));
                    break;
            }

            await using var bot = BotProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string> { ["Knowledge__Path"] = folder });

            var exitCode = await bot.WaitForExitAsync(Timeout);

            Assert.NotEqual(0, exitCode);
            Assert.Contains(expected, bot.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Application started", bot.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
