using Microsoft.Extensions.Logging.Abstractions;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Testing;
using PrivacyAssistant.Testing.Hosting;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Bot.Tests.Cli;

/// <summary><c>export-examples</c> run as the real executable against a real SQLite store and the shipped knowledge folder.</summary>
public sealed class ExportExamplesCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ExportExamples_WritesHandledQuestionsRedactedAndUnreviewed_WithoutOpenOnesDuplicatesOrWhoAskedAndAnswered()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await new MigrationRunner(database.Factory, [new MigrationSet(KnowledgeMigrations.Feature, KnowledgeMigrations.All)], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var store = new SqlKnowledgeFeedbackStore(database.Factory, TimeProvider.System);
        async Task<Escalation> Ask(string question, string? best, string? contact = null) =>
            await store.EscalateAsync(new EscalationRequest(question, KnowledgeLanguage.Dutch, best, contact, """{"conversationId":"a:secret-conversation"}"""));

        var named = await Ask("Mag ik de foto van Daan naar p.de.vries@ouders.example.com mailen?", "beeldmateriaal", contact: "Femke Jansen");
        var hostile = await Ask("#none\twaar is de kantine\nnone\tinjected\r\n# comment", "datalek");
        var duplicate = await Ask("Wat zijn persoonsgegevens?", "persoonsgegevens"); // line 23 of the shipped example-questions.tsv
        var newTopic = await Ask("Mag de ouderraad een WhatsApp-groep met alle ouders beheren?", null);
        await Ask("Mag ik cijfers in een gedeelde map zetten? (nog open)", "datalek", contact: "Open Vraagsteller");
        await store.AnswerEscalationAsync(named.Id, "Antwoord-van-de-desk: liever niet.", "officer-object-id-1");
        await store.CloseEscalationAsync(hostile.Id, "officer-object-id-2");
        await store.AnswerEscalationAsync(duplicate.Id, "Zie de FAQ.", "officer-object-id-1");
        await store.AnswerEscalationAsync(newTopic.Id, "Alleen met toestemming van de ouders.", "officer-object-id-1");
        var file = Path.Combine(Path.GetTempPath(), $"pa-examples-{Guid.NewGuid():N}.tsv");

        try
        {
            await using var process = BotProcess.Start(["export-examples", "--output", file], database.EnvironmentVariables);
            var exitCode = await process.WaitForExitAsync(Timeout);

            Assert.Equal(0, exitCode);
            var text = await File.ReadAllTextAsync(file);
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, line => Assert.True(line.StartsWith('#') || line.StartsWith('?'), line));
            Assert.Equal(
                [
                    "?beeldmateriaal\tMag ik de foto van [NAAM-1] naar [E-MAIL-1] mailen?",
                    "?datalek\t#none waar is de kantine none injected # comment",
                    "?\tMag de ouderraad een WhatsApp-groep met alle ouders beheren?",
                ],
                lines.Where(line => !line.StartsWith('#')));
            Assert.Contains("# 3 questions below (2 with the bot's closest entry as a suggestion, 1 without); 1 already in example-questions.tsv and 0 repeats were left out.", text, StringComparison.Ordinal);
            foreach (var secret in new[] { "Daan", "p.de.vries", "Femke", "Jansen", "Antwoord-van-de-desk", "officer-object-id", "secret-conversation", "nog open", "Vraagsteller", "VR-" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, process.Output, StringComparison.Ordinal);
            }

            Assert.Contains($"3 questions written to {file}", process.Output, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportExamples_Since_LeavesOutQuestionsHandledBeforeThatDayInTheSchoolsTimeZone()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await new MigrationRunner(database.Factory, [new MigrationSet(KnowledgeMigrations.Feature, KnowledgeMigrations.All)], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        // Amsterdam is UTC+1 in December: 22:30 UTC is still 30 November there, 23:30 UTC is already 1 December.
        await HandleAsync(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero), "Mag ik een oud rapport bewaren?");
        await HandleAsync(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero), "Mag ik een nieuw rapport bewaren?");

        await using var process = BotProcess.Start(["export-examples", "--since", "2026-12-01"], database.EnvironmentVariables);
        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("?bewaartermijnen\tMag ik een nieuw rapport bewaren?", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("oud rapport", process.Output, StringComparison.Ordinal);
        Assert.Contains("answered or closed since 2026-12-01, exported ", process.Output, StringComparison.Ordinal);
        Assert.Contains("(Europe/Amsterdam) by export-examples", process.Output, StringComparison.Ordinal);

        async Task HandleAsync(DateTimeOffset at, string question)
        {
            var store = new SqlKnowledgeFeedbackStore(database.Factory, new FixedTime(at));
            var escalation = await store.EscalateAsync(new EscalationRequest(question, KnowledgeLanguage.Dutch, "bewaartermijnen", null));
            await store.CloseEscalationAsync(escalation.Id);
        }
    }

    [Fact]
    public async Task ExportExamples_IntoTheExampleFileItself_IsRefusedWithoutWriting()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var examples = Path.Combine(RepositoryPaths.Root, "knowledge", KnowledgeLoader.ExampleQuestionsFile);
        var before = await File.ReadAllTextAsync(examples);

        await using var process = BotProcess.Start(["export-examples", "--output", examples], database.EnvironmentVariables);
        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("Not writing over", process.Output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(examples));
    }

    /// <summary>A clock standing still at one moment, for a question handled on an earlier day.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
