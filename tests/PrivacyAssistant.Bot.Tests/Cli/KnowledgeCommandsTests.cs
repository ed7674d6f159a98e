using System.Text.Json.Nodes;
using PrivacyAssistant.Testing.Hosting;

namespace PrivacyAssistant.Bot.Tests.Cli;

/// <summary>The knowledge admin commands, run as the real executable against the shipped knowledge folder.</summary>
public sealed class KnowledgeCommandsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task CheckKnowledge_OnTheShippedFolder_SucceedsAndCountsTheEntries()
    {
        await using var process = BotProcess.Start(["check-knowledge"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"is valid: \d+ entries", process.Output);
        Assert.DoesNotContain("WARNING", process.Output, StringComparison.Ordinal); // the shipped real-words.txt is made for the shipped patterns
    }

    [Fact]
    public async Task CheckKnowledge_WithPatternsEditedAfterRealWordsWasMade_WarnsNamingBothFilesAndTheCommandAndStillExitsZero()
    {
        var (exitCode, output) = await CheckKnowledgeWithBreachPatternsAppendedAsync("\nschoolfotograaf + kwijt\n");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"WARNING: real-words\.txt: made for other typo-tolerant words of breach-intents\.txt than it has now .* real-words /usr/share/dict/dutch", output);
    }

    [Fact]
    public async Task CheckKnowledge_WithACommentAddedToThePatterns_GivesNoWarning()
    {
        var (exitCode, output) = await CheckKnowledgeWithBreachPatternsAppendedAsync("\n# schoolfotograaf kwijt: not a pattern yet\n");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    // check-knowledge on a copy of the shipped folder whose breach-intents.txt has `appended` at its end (real-words.txt unchanged).
    private static async Task<(int ExitCode, string Output)> CheckKnowledgeWithBreachPatternsAppendedAsync(string appended)
    {
        using var folder = BrokenKnowledgeFolder.Create(path =>
            File.AppendAllText(System.IO.Path.Combine(path, "breach-intents.txt"), appended));
        await using var process = StartOn(folder.Path, ["check-knowledge"]);
        var exitCode = await process.WaitForExitAsync(Timeout);
        return (exitCode, process.Output);
    }

    [Fact]
    public async Task CheckExamples_OnTheShippedFolder_ExitsZeroWithTheSummary()
    {
        await using var process = BotProcess.Start(["check-examples"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\d+ examples, \d+ agree with their neighbours, \d+ disagreements with support >= 0\.300 \(\d+ weaker\), \d+ conflicting near-duplicates\.", process.Output);
    }

    [Fact]
    public async Task CheckExamples_WithTwoNearIdenticalExamplesUnderDifferentLabels_ListsThePairAndStillExitsZero()
    {
        var line = 0;
        using var folder = BrokenKnowledgeFolder.Create(path =>
        {
            var examples = System.IO.Path.Combine(path, "example-questions.tsv");
            File.AppendAllText(examples, "\ndatalek\tzojuist de cijferlijst van heel 3b per ongeluk naar een ouder gemaild\nnone\tzojuist de cijferlijst van heel 3b per ongeluk naar een ouder gemaild hoor\n");
            line = File.ReadAllLines(examples).Length;
        });
        await using var process = StartOn(folder.Path, ["check-examples"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Matches($@"(?m)^\s*{line - 1}\s+\S+\s+datalek .*<>\s+line {line} none|^\s*{line}\s+\S+\s+none .*<>\s+line {line - 1} datalek", process.Output);
    }

    [Fact]
    public async Task CheckKnowledge_WithABrokenEntry_FailsNamingTheFileAndTheProblem()
    {
        using var folder = BrokenKnowledgeFolder.Create();
        await using var process = StartOn(folder.Path, ["check-knowledge"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("entries/datalek.md: 'related' names unknown entry 'bestaat-niet'", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckKnowledge_WithASchoolWordListedTwice_FailsNamingTheFileAndTheLine()
    {
        var line = 0;
        using var folder = BrokenKnowledgeFolder.Create(path =>
        {
            var words = System.IO.Path.Combine(path, "school-words.txt");
            File.AppendAllText(words, "\nstaff\n");
            line = File.ReadAllLines(words).Length;
        });
        await using var process = StartOn(folder.Path, ["check-knowledge"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains($"school-words.txt: line {line}: 'staff' is already listed under [English]", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckKnowledge_WithAStopWordBeforeTheFirstSection_FailsNamingTheFileAndTheLine()
    {
        using var folder = BrokenKnowledgeFolder.Create(path =>
        {
            var words = System.IO.Path.Combine(path, "stop-words.txt");
            File.WriteAllText(words, "eigenlijk\n" + File.ReadAllText(words));
        });
        await using var process = StartOn(folder.Path, ["check-knowledge"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("stop-words.txt: line 1: words before the first section", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckKnowledge_OnTheCopyTheBuildPutsNextToTheExecutable_Succeeds()
    {
        // BotProcess runs the PrivacyAssistant.Bot.dll copied into this test's output, with the knowledge folder beside it.
        var shipped = System.IO.Path.Combine(Testing.RepositoryPaths.Root, "knowledge");
        var copy = System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var copied = System.IO.Path.Combine(copy, System.IO.Path.GetRelativePath(shipped, file));
            Assert.True(File.Exists(copied), $"{copied} is missing");
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copied));
        }

        await using var process = StartOn(copy, ["check-knowledge"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Knowledge folder {copy} is valid", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PrintsTheDecisionTheEntryAndTheScorePerWord()
    {
        await using var process = BotProcess.Start(["ask", "is een IP-adres een persoonsgegeven?"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("decision:   answer", process.Output, StringComparison.Ordinal);
        Assert.Contains("entry:      persoonsgegevens", process.Output, StringComparison.Ordinal);
        Assert.Contains("1. persoonsgegevens", process.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+ip\s+\d+\.\d+ of \d+\.\d+", process.Output);
    }

    [Fact]
    public async Task Ask_WhenTheExamplesAreAsked_PrintsTheirRulesAndWhereEachNeighbourComesFrom()
    {
        // An unsure question (two close entries), so the example questions are asked.
        await using var process = BotProcess.Start(["ask", "mentor dossier doorsturen andere school?"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("card -> answer when it agrees off", process.Output, StringComparison.Ordinal);
        Assert.Matches(@"re-ordered at >= \d\.\d\d", process.Output);
        Assert.Matches(@"nearest:\s+(\S+ \d\.\d{3} \((example-questions\.tsv line \d+|title or alternate)\)\s*){5}\n", process.Output);
    }

    [Fact]
    public async Task RealWords_WithAWordList_PrintsTheWordsTheTypoToleranceMisreadsSorted()
    {
        // "overal" (everywhere) is one letter from "overvallen", "verlof" (leave) from "verloren"; "laptop" is a pattern word
        // as written and "tafel" is near none. Capitalised lines are names and skipped.
        var file = Path.Combine(Path.GetTempPath(), $"pa-words-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, ["verlof", "laptop", "tafel", "overal", "Overal", "overal"]);
        try
        {
            await using var process = BotProcess.Start(["real-words", file]);

            var exitCode = await process.WaitForExitAsync(Timeout);

            Assert.Equal(0, exitCode);
            var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // First the line that records the patterns the list is for (the shipped file has the same one: made for these patterns).
            Assert.Matches("^# made for breach-intents.txt typo words: sha256 [0-9a-f]{64}$", lines[0]);
            Assert.Contains(lines[0], File.ReadAllLines(Path.Combine(Testing.RepositoryPaths.Root, "knowledge", "real-words.txt")));
            Assert.Equal(["overal", "verlof"], lines[1..]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Evaluate_WithJson_PrintsOneObjectPerQuestionAndTheSummaryLineLast()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pa-eval-{Guid.NewGuid():N}.tsv");
        await File.WriteAllLinesAsync(file,
        [
            "expected\tquestion",
            "persoonsgegevens\tis een IP-adres een persoonsgegeven?",
            "breach\tik ben mijn laptop kwijt",
            "none\twat eten we vandaag in de kantine",
            "datalek\thoe laat begint de kerstviering",
        ]);
        try
        {
            await using var process = BotProcess.Start(["evaluate", file, "--json"]);

            var exitCode = await process.WaitForExitAsync(Timeout);

            Assert.Equal(0, exitCode);
            var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var objects = lines.Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            Assert.Equal(4, objects.Count);
            Assert.Equal(["expected", "question", "decision", "entryId", "score"], objects[0].Select(p => p.Key));
            Assert.Equal("persoonsgegevens", objects[0]["entryId"]!.GetValue<string>());
            Assert.Equal("breach", objects[1]["decision"]!.GetValue<string>());
            Assert.Equal("none", objects[2]["decision"]!.GetValue<string>());
            Assert.Contains("top-1 accuracy: 75.0 % (3/4)", process.Output, StringComparison.Ordinal);
            Assert.Contains("datalek -> none: 1", process.Output, StringComparison.Ordinal);
            Assert.Equal("3 passed, 1 failed", lines[^1]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Evaluate_WithCounts_PrintsCountsPerFailureClassAndNoQuestionOrEntry()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pa-eval-{Guid.NewGuid():N}.tsv");
        await File.WriteAllLinesAsync(file,
        [
            "persoonsgegevens\tis een IP-adres een persoonsgegeven?",
            "breach\tik ben mijn laptop kwijt",
            "none\twat eten we vandaag in de kantine",
            "datalek\thoe laat begint de kerstviering",
            "none\tik ben mijn laptop kwijt",
        ]);
        try
        {
            await using var process = BotProcess.Start(["evaluate", file, "--counts"]);

            var exitCode = await process.WaitForExitAsync(Timeout);

            Assert.Equal(0, exitCode);
            Assert.Contains("top-1 accuracy: 60.0 % (3/5)", process.Output, StringComparison.Ordinal);
            Assert.Contains("failures by class:", process.Output, StringComparison.Ordinal);
            Assert.Contains("  entry question answered none: 1", process.Output, StringComparison.Ordinal);
            Assert.Contains("  off-topic question taken for a breach report: 1", process.Output, StringComparison.Ordinal);
            Assert.Contains("  entry question answered with another entry: 0", process.Output, StringComparison.Ordinal);
            // Counts only: nothing of a question and no entry id (the held-out sets are measured this way).
            Assert.DoesNotContain("kerstviering", process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("laptop", process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("datalek", process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("persoonsgegevens", process.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(process.Output.Split('\n'), l => l.TrimStart().StartsWith('{'));
            Assert.EndsWith("3 passed, 2 failed", process.Output.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Evaluate_WithCountsAndJson_RefusesWithoutRunning()
    {
        await using var process = BotProcess.Start(["evaluate", "no-such-file.tsv", "--counts", "--json"]);

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("--counts and --json exclude each other", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("top-1 accuracy", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_WithABrokenKnowledgeFolder_DoesNotStartAndNamesTheFile()
    {
        using var folder = BrokenKnowledgeFolder.Create();
        await using var process = BotProcess.Start([], new Dictionary<string, string> { ["Knowledge__Path"] = folder.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("entries/datalek.md: 'related' names unknown entry 'bestaat-niet'", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_WithPatternsEditedAfterRealWordsWasMade_StartsAndLogsAWarningNamingBothFiles()
    {
        using var folder = BrokenKnowledgeFolder.Create(path =>
            File.AppendAllText(System.IO.Path.Combine(path, "breach-intents.txt"), "\nschoolfotograaf + kwijt\n"));
        await using var process = BotProcess.Start([], new Dictionary<string, string> { ["Knowledge__Path"] = folder.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        Assert.True(await process.WaitForOutputAsync("Application started", Timeout), process.Output);

        Assert.Matches(@"Knowledge folder warning: real-words\.txt: made for other typo-tolerant words of breach-intents\.txt", process.Output);
    }

    /// <summary>A copy of the shipped knowledge folder with one broken file.</summary>
    private sealed class BrokenKnowledgeFolder : IDisposable
    {
        private BrokenKnowledgeFolder(string path) => Path = path;

        public string Path { get; }

        public static BrokenKnowledgeFolder Create() => Create(folder =>
        {
            var entry = System.IO.Path.Combine(folder, "entries", "datalek.md");
            var text = File.ReadAllText(entry);
            var related = text.Split('\n').First(l => l.StartsWith("related:", StringComparison.Ordinal));
            File.WriteAllText(entry, text.Replace(related, "related: [bestaat-niet]", StringComparison.Ordinal));
        });

        /// <summary>A copy of the shipped knowledge folder that <paramref name="breakIt"/> then breaks.</summary>
        public static BrokenKnowledgeFolder Create(Action<string> breakIt)
        {
            var source = System.IO.Path.Combine(Testing.RepositoryPaths.Root, "knowledge");
            var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pa-knowledge-{Guid.NewGuid():N}");
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            breakIt(target);
            return new BrokenKnowledgeFolder(target);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    // The executable with another knowledge folder than the shipped one.
    private static BotProcess StartOn(string knowledgePath, IEnumerable<string> arguments) =>
        BotProcess.Start(arguments, new Dictionary<string, string> { ["Knowledge__Path"] = knowledgePath });
}
