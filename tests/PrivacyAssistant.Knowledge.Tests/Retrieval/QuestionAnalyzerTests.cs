using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>
/// A question's shared stages run once and replayed into both tails (<see cref="QuestionAnalyzer"/>)
/// must give exactly what the two full chains give: every term, position, stacking, synonym flag
/// and offset, on every text a question can plausibly be.
/// </summary>
public sealed class QuestionAnalyzerTests
{
    [Theory]
    [InlineData(CompoundMode.Splitter)]
    [InlineData(CompoundMode.LuceneDictionary)]
    [InlineData(CompoundMode.None)]
    public void AnalyzeQuestion_OnDevQuestionsEntryTextsAndMutations_GivesWhatBothChainsGive(CompoundMode compounds)
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.RepositoryFolder, new SchoolOptions());
        var settings = new RetrievalSettings { Compounds = compounds };
        var dev = EvaluationSets.Dev.Select(c => c.Question).ToList();
        var (compared, stacked, synonyms) = (0, 0, 0);
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            var entryTexts = knowledge.Entries
                .Select(e => e.In(language))
                .SelectMany(c => new[] { c.Title, KnowledgeIndex.PlainAnswer(c.AnswerMarkdown) }.Concat(c.Alternates).Concat(c.Keywords))
                .ToList();
            using var analysis = LanguageAnalysis.Build(language, entryTexts, knowledge.Synonyms, knowledge.EverydayWords, knowledge.SchoolWords, StopWords.From(knowledge.StopWords), settings, out _);
            // Synonym phrases typed as questions reach the multi-word rules.
            var synonymPhrases = knowledge.Synonyms.Split('\n')
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .SelectMany(l => l.Split([",", "=>"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            var texts = dev.Concat(entryTexts).Concat(synonymPhrases).ToList();
            texts.AddRange(Mutations(texts, new Random(12)).ToList());
            texts.AddRange(["", " ", "?!", "de het een", "e-mail", "E-Mail's", "’s", "OneDriveAVG", "a", "x-y-z 12:30 1.000,50 €"]);

            foreach (var text in texts)
            {
                analysis.AnalyzeQuestion(text, out var words, out var expanded);
                Assert.Equal(analysis.Index.Analyze(text), words);
                Assert.Equal(analysis.Query.Analyze(text), expanded);
                compared++;
                stacked += words.Count(t => t.Stacked);
                synonyms += expanded.Count(t => t.Synonym);
            }
        }

        // The comparison covered both tails: compound parts where there are any, and synonyms.
        Assert.True(compared > 20_000, $"{compared} texts");
        Assert.Equal(compounds != CompoundMode.None, stacked > 0);
        Assert.True(synonyms > 1_000, $"{synonyms} synonyms");
    }

    [Fact]
    public void AnalyzeQuestion_CalledAgain_ReturnsTheNewQuestionsTokensOnly()
    {
        using var engine = KnowledgeEngine.Create(TestKnowledge.RepositoryFolder, new SchoolOptions(), new KnowledgeOptions());
        var analysis = engine.Index.Analysis(KnowledgeLanguage.Dutch);

        analysis.AnalyzeQuestion("mag ik foto's van leerlingen op instagram zetten", out var first, out _);
        var firstTerms = first.Select(t => t.Term).ToList();
        analysis.AnalyzeQuestion("wachtwoord", out var second, out var expanded);

        Assert.Contains("leerling", firstTerms);
        Assert.Equal(analysis.Index.Analyze("wachtwoord"), second);
        Assert.Equal(analysis.Query.Analyze("wachtwoord"), expanded);
    }

    /// <summary>Variants of the texts: casing, glued and camel-cased words, apostrophes, hyphens, cuts, stop words at the ends, joined texts.</summary>
    private static IEnumerable<string> Mutations(IReadOnlyList<string> texts, Random random)
    {
        string[] inserts = ["'s", "’", "e-mail", "-", " de ", " the ", " van ", " of ", "?", ", ", "  ", "\t", "é", "ß", "1", "@", "."];
        foreach (var text in texts)
        {
            if (text.Length == 0)
            {
                continue;
            }

            yield return text.ToUpperInvariant();
            yield return string.Concat(text.Split(' ').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
            yield return text.Replace(" ", "", StringComparison.Ordinal);
            yield return text[..random.Next(text.Length + 1)];
            yield return text[random.Next(text.Length)..] + " van de die het";
            var chars = text.ToCharArray().ToList();
            for (var k = 0; k < 3; k++)
            {
                var at = random.Next(chars.Count + 1);
                chars.InsertRange(at, inserts[random.Next(inserts.Length)]);
            }

            yield return new string([.. chars]);
            var words = text.Split(' ');
            random.Shuffle(words);
            yield return string.Join(' ', words) + " " + texts[random.Next(texts.Count)];
        }
    }
}
