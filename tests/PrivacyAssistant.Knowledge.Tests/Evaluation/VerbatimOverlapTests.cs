using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Evaluation;

/// <summary>
/// The evaluation sets only measure something if the knowledge files were not written from them:
/// no test or dev question may appear verbatim in any knowledge file (as a phrasing, a synonym, a
/// breach pattern, an example question or inside an answer). A failure names set, line and file, never the question's
/// text: the held-out sets are read by no one, not even through a failing test's message.
/// </summary>
public sealed partial class VerbatimOverlapTests
{
    public static TheoryData<string> Sets => new() { "questions.tsv", "dev.tsv", "questions-b.tsv" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void EvaluationQuestions_DoNotAppearVerbatimInTheKnowledgeFiles(string set)
    {
        var questions = EvaluationFile.Read(Path.Combine(EvaluationSets.Folder, set));
        var files = Directory.EnumerateFiles(TestKnowledge.RepositoryFolder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        // The example questions (session 12) are compared like the rest: a question after its label's tab is a phrase.
        Assert.Contains(files, f => Path.GetFileName(f) == KnowledgeLoader.ExampleQuestionsFile);
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var texts = new List<(string File, string Text)>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var withoutTitles = string.Join('\n', text.Split('\n').Where(l => !IsTitleOrId(l)));
            texts.Add((Path.GetRelativePath(TestKnowledge.RepositoryFolder, file), Normalize(withoutTitles)));
            if (Path.GetFileName(file) == KnowledgeLoader.StopWordsFile)
            {
                // Stop words are single words retrieval drops: a question cannot find an entry
                // through one, so its words are not phrasings. Its text (the comments) is still compared.
                continue;
            }

            foreach (var line in text.Split('\n'))
            {
                // Titles are the FAQ's canonical questions (from the school's own FAQ); a test
                // question may well be the canonical question itself. Everything else - alternates,
                // keywords, synonyms, breach patterns - must not contain a test question.
                if (IsTitleOrId(line))
                {
                    continue;
                }

                // A YAML list item, a synonym line: compare the whole phrase.
                lines.Add(Normalize(line.Trim().TrimStart('-', '#', '!')));
                foreach (var item in line.Split([',', '[', ']', '|', '+', '\t']))
                {
                    lines.Add(Normalize(item));
                }
            }
        }

        var copied = new List<string>();
        foreach (var question in questions)
        {
            var normalized = Normalize(question.Question);
            if (normalized.Length == 0)
            {
                continue;
            }

            if (lines.Contains(normalized))
            {
                copied.Add($"line {question.Line} is a phrase in the knowledge files");
            }
            else if (normalized.Split(' ').Length >= 4 && texts.FirstOrDefault(t => (" " + t.Text + " ").Contains(" " + normalized + " ", StringComparison.Ordinal)) is { File: not null } hit)
            {
                copied.Add($"line {question.Line} appears in {hit.File}");
            }
        }

        Assert.True(copied.Count == 0, $"{set}: evaluation questions copied into the knowledge:{Environment.NewLine}{string.Join(Environment.NewLine, copied)}");
    }

    [Fact]
    public void TestAndDevSets_ShareNoQuestion()
    {
        var dev = EvaluationSets.Dev.Select(c => Normalize(c.Question)).ToHashSet();

        var shared = EvaluationSets.Test.Where(c => dev.Contains(Normalize(c.Question))).Select(c => $"line {c.Line}").ToList();

        Assert.True(shared.Count == 0, $"questions.tsv repeats questions of dev.tsv at {string.Join(", ", shared)}");
    }

    [Fact]
    public void HeldOutSetB_SharesNoQuestionWithTheTestOrDevSet()
    {
        var others = EvaluationSets.Test.Concat(EvaluationSets.Dev).Select(c => Normalize(c.Question)).ToHashSet();

        var shared = EvaluationSets.HeldOutB.Where(c => others.Contains(Normalize(c.Question))).Select(c => $"line {c.Line}").ToList();

        Assert.True(shared.Count == 0, $"questions-b.tsv repeats questions of questions.tsv/dev.tsv at {string.Join(", ", shared)}");
    }

    /// <summary>Titles (canonical questions) and entry ids (id, related) are not phrasings.</summary>
    private static bool IsTitleOrId(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("title:", StringComparison.Ordinal)
            || trimmed.StartsWith("id:", StringComparison.Ordinal)
            || trimmed.StartsWith("related:", StringComparison.Ordinal);
    }

    /// <summary>Lowercase, accents and punctuation removed, whitespace collapsed: "Foto's?" and "fotos" are the same text.</summary>
    private static string Normalize(string text) =>
        Whitespace().Replace(NonWord().Replace(TextNormalizer.Fold(text), " "), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}@]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
