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

    [Fact]
    public void BrokenKnowledgeFile_FailsAtStartUpNamingTheFile()
    {
        // The knowledge engine is built beside the rest of start-up; its failure must still stop it.
        var folder = Directory.CreateTempSubdirectory("pa-broken-knowledge-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "knowledge"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "knowledge"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var entry = Path.Combine(folder, "entries", "datalek.md");
            File.WriteAllText(entry, File.ReadAllText(entry).Replace("id: datalek", "id: [datalek", StringComparison.Ordinal));
            using var factory = new BotApplicationFactory(new Dictionary<string, string?> { ["Knowledge:Path"] = folder });

            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            Assert.Contains("entries/datalek.md", Flatten(error), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Flatten(Exception e) =>
        e is AggregateException a ? string.Join(" | ", a.InnerExceptions.Select(Flatten)) : e.ToString();
}
