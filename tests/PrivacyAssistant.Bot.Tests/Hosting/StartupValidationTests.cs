using Microsoft.Extensions.Options;
using PrivacyAssistant.Bot.Tests.Support;
using PrivacyAssistant.Testing;

namespace PrivacyAssistant.Bot.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Fact]
    public void MisconfiguredBot_FailsAtStartUpNamingTheSetting()
    {
        using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "not-a-guid",
            ["Bot:ClientSecret"] = "secret",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains(validation.Failures, f => f.Contains("Bot:AppId", StringComparison.Ordinal));
        Assert.Contains(validation.Failures, f => f.Contains("Bot:TenantId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("entries/datalek.md", "entries/datalek.md")]
    [InlineData("school-words.txt", "school-words.txt: the file does not exist")]
    [InlineData("everyday-words.txt", "everyday-words.txt: line 1: words before the first section")]
    [InlineData("out-of-scope.txt", "out-of-scope.txt: line 1: a topic before the first section")]
    public void BrokenKnowledgeFile_FailsAtStartUpNamingTheFile(string file, string expected)
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

            using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Knowledge:Path"] = folder });

            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            Assert.Contains(expected, Flatten(error), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Flatten(Exception e) =>
        e is AggregateException a ? string.Join(" | ", a.InnerExceptions.Select(Flatten)) : e.ToString();
}
