using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class RecordedTokensTests
{
    [Theory]
    [InlineData(CompoundMode.Splitter)]
    [InlineData(CompoundMode.LuceneDictionary)]
    [InlineData(CompoundMode.None)]
    public void IndexTokens_OfEveryShippedText_AreWhatTheIndexAnalyzerProduces(CompoundMode compounds)
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.RepositoryFolder, new SchoolOptions());
        var settings = new RetrievalSettings { Compounds = compounds };
        var stackedParts = 0;
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            var texts = knowledge.Entries
                .Select(e => e.In(language))
                .SelectMany(c => new[] { c.Title, KnowledgeIndex.PlainAnswer(c.AnswerMarkdown) }.Concat(c.Alternates).Concat(c.Keywords))
                .Append("Mag ik de foto's van mijn leerlingen e-mailen naar OneDrive, of is dat niet")
                .ToList();
            using var analysis = LanguageAnalysis.Build(language, texts, knowledge.Synonyms, knowledge.EverydayWords, knowledge.SchoolWords, StopWords.From(knowledge.StopWords), settings, out var recorded);

            Assert.Equal(texts.Distinct().Count(), recorded.Count);
            foreach (var text in texts)
            {
                var expected = Dump(analysis.Index.GetTokenStream("nl.answer", text));
                var replayed = Dump(analysis.IndexTokens(recorded[text]));
                Assert.Equal(expected, replayed);
                stackedParts += replayed.Count(t => t.StartsWith("0 ", StringComparison.Ordinal));
            }
        }

        // The comparison covered the compound stage where there is one.
        Assert.Equal(compounds != CompoundMode.None, stackedParts > 0);
    }

    [Fact]
    public void Record_TextEndingInStopWords_KeepsThePositionsTheyTakeForTheNextValue()
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", TestKnowledge.StopWords.Dutch);

        var recorded = RecordedTokens.Record(analyzer, "foto's van de klas, maar niet van die");

        Assert.Equal(["foto", "klas"], recorded.WordTerms);
        Assert.True(recorded.FinalPositionIncrement > 0);
        Assert.Equal("foto's van de klas, maar niet van die".Length, recorded.FinalOffset);
        Assert.Equal(Dump(analyzer.GetTokenStream("text", "foto's van de klas, maar niet van die")), Dump(recorded.Replay()));
    }

    /// <summary>Every token as the index writer reads it, then the end-of-stream state.</summary>
    private static List<string> Dump(TokenStream stream)
    {
        var lines = new List<string>();
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                lines.Add($"{increment.PositionIncrement} {term} {offset.StartOffset}-{offset.EndOffset} {type.Type}");
            }

            stream.End();
            lines.Add($"end {increment.PositionIncrement} {offset.StartOffset}-{offset.EndOffset}");
        }

        return lines;
    }
}
