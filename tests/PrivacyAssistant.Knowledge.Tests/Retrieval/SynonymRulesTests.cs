using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class SynonymRulesTests
{
    /// <summary>
    /// Lucene's synonym filter lays a phrase that is longer than the words it replaces over the
    /// question's *following* words: with "dpo, data protection officer", "dpo" was searched as
    /// "data" and the next word ("school") as "protection"/"officer", so "who is the dpo at our
    /// school" was answered with the truancy-officer entry. The product file therefore only maps
    /// phrases onto phrases of at most the same length (an abbreviation is the target of a one-way
    /// rule, "data protection officer => dpo").
    /// </summary>
    [Theory]
    [InlineData(KnowledgeLanguage.Dutch)]
    [InlineData(KnowledgeLanguage.English)]
    public void ProductSynonyms_NoPhraseExpandsIntoALongerOne(KnowledgeLanguage language)
    {
        using var analyzer = KnowledgeAnalyzer.ForSynonymRules(language, RetrievalSettings.Default.DutchStemmer);
        var lines = File.ReadAllLines(Path.Combine(TestKnowledge.RepositoryFolder, KnowledgeLoader.SynonymsFile));
        var spilling = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var sides = line.Split("=>");
            var inputs = Words(sides[0]);
            var outputs = sides.Length > 1 ? Words(sides[1]) : inputs;
            if (outputs.Max() > inputs.Min())
            {
                spilling.Add($"line {i + 1}: {line}");
            }
        }

        Assert.True(spilling.Count == 0, $"phrases expanding into longer ones:{Environment.NewLine}{string.Join(Environment.NewLine, spilling)}");

        List<int> Words(string phrases) =>
            phrases.Split(',').Select(p => analyzer.Analyze(p).Count).Where(n => n > 0).ToList();
    }

    [Fact]
    public void Retrieve_AbbreviationOfAPhrase_LendsNoWordToTheNextWord()
    {
        var result = EvaluationSets.Product.Retriever.Retrieve("who is the dpo at our school", KnowledgeLanguage.English);

        var school = Assert.Single(result.Terms, t => t.Term == "school");
        Assert.Empty(school.Expansions);
        Assert.NotEqual("leerplichtambtenaar", result.Top?.EntryId);
    }

    [Fact]
    public void FirstWords_OfRules_AreEachRulesFirstAnalysedWordOnly()
    {
        var map = SynonymRules.Parse("laptops, notebook\ncode of conduct => protocol\nmemory stick, usb stick", KnowledgeLanguage.English, "English")!;

        var first = SynonymRules.FirstWords(map);

        // Every side of a two-way rule starts a rule; a one-way rule only by its left side; "of" and "stick" start none.
        Assert.Equal(["code", "laptop", "memori", "notebook", "usb"], first.Order(StringComparer.Ordinal));
    }
}
