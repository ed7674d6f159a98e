using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class LuceneRetrieverTests
{
    private static string TopFor(string question, KnowledgeLanguage language = KnowledgeLanguage.Dutch) =>
        TestKnowledge.Fixture.Retriever.Retrieve(question, language).Top?.EntryId ?? "(none)";

    [Theory]
    [InlineData("mag ik een klassenfoto op de website publiceren", "beeldmateriaal")]
    [InlineData("wat valt er onder persoonsgegevens", "persoonsgegevens")]
    [InlineData("hoe lang bewaren we cijfers", "bewaartermijnen")]
    public void Retrieve_DutchQuestion_RanksTheMatchingEntryFirst(string question, string expected)
    {
        Assert.Equal(expected, TopFor(question));
    }

    [Fact]
    public void Retrieve_SplitCompound_FindsTheEntryWithTheWholeWord()
    {
        // The fixture has "leerlingdossier" in the title only as one word.
        var result = TestKnowledge.Fixture.Retriever.Retrieve("leerling dossier doorsturen", KnowledgeLanguage.Dutch);

        Assert.Equal("overstapdossier", result.Top?.EntryId);
    }

    [Fact]
    public void Retrieve_CompoundTheIndexOnlyHasApart_FindsItThroughItsParts()
    {
        // "schoolreisfoto" appears nowhere; "foto" does.
        var result = TestKnowledge.Fixture.Retriever.Retrieve("publicatie klassenfotos", KnowledgeLanguage.Dutch);

        Assert.Equal("beeldmateriaal", result.Top?.EntryId);
    }

    [Fact]
    public void Retrieve_Synonym_FindsTheEntryThatUsesTheOtherWord()
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve("plaatje publiceren", KnowledgeLanguage.Dutch);

        Assert.Equal("beeldmateriaal", result.Top?.EntryId);
        Assert.Contains(result.Terms, t => t.Expansions.Contains("foto"));
    }

    [Fact]
    public void Retrieve_OneWayRule_ExpandsSlang()
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve("op insta zetten", KnowledgeLanguage.Dutch);

        Assert.Equal("beeldmateriaal", result.Top?.EntryId);
    }

    [Theory]
    [InlineData("bewaartermijm", "bewaartermijnen")]
    [InlineData("persoonsgegevnes", "persoonsgegevens")]
    [InlineData("overstapdosier", "overstapdossier")]
    public void Retrieve_Typo_IsCorrectedToAKnownWord(string question, string expected)
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve(question, KnowledgeLanguage.Dutch);

        Assert.Equal(expected, result.Top?.EntryId);
        Assert.True(Assert.Single(result.Terms).Corrected);
    }

    [Fact]
    public void Retrieve_ShortUnknownWord_IsNotFuzzed()
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve("fito", KnowledgeLanguage.Dutch);

        Assert.Empty(result.Candidates);
        Assert.False(Assert.Single(result.Terms).Known);
    }

    [Fact]
    public void Retrieve_EnglishQuestion_FindsTheSameEntry()
    {
        Assert.Equal("beeldmateriaal", TopFor("can I post pictures of my class on the website", KnowledgeLanguage.English));
        Assert.Equal("bewaartermijnen", TopFor("how long do we keep grades", KnowledgeLanguage.English));
    }

    [Fact]
    public void Retrieve_UnrelatedQuestion_HasLowConfidence()
    {
        var related = TestKnowledge.Fixture.Retriever.Retrieve("mag ik een foto publiceren", KnowledgeLanguage.Dutch);
        var unrelated = TestKnowledge.Fixture.Retriever.Retrieve("hoe laat begint de kerstviering in de aula", KnowledgeLanguage.Dutch);

        Assert.True(related.Top!.Confidence > 0.8, $"related: {related.Top.Confidence}");
        Assert.True((unrelated.Top?.Confidence ?? 0) < 0.3, $"unrelated: {unrelated.Top?.Confidence}");
    }

    [Fact]
    public void Retrieve_EverydayWords_EarnNoConfidenceButStillCount()
    {
        var plain = TestKnowledge.Fixture.Retriever.Retrieve("foto publiceren", KnowledgeLanguage.Dutch);
        var withTime = TestKnowledge.Fixture.Retriever.Retrieve("foto publiceren volgende week", KnowledgeLanguage.Dutch);
        var onlyTime = TestKnowledge.Fixture.Retriever.Retrieve("volgende week maandag", KnowledgeLanguage.Dutch);

        Assert.Equal(plain.Top!.EntryId, withTime.Top!.EntryId);
        Assert.Contains(withTime.Terms, t => t.Everyday);
        Assert.True(withTime.Top.Confidence < plain.Top.Confidence, $"{withTime.Top.Confidence} vs {plain.Top.Confidence}");
        Assert.True((onlyTime.Top?.Confidence ?? 0) == 0, $"only everyday words: {onlyTime.Top?.Confidence}");
    }

    [Theory]
    [InlineData("waar kan ik een laptop lenen", KnowledgeLanguage.Dutch)]
    [InlineData("welke docent heeft de klas dit jaar", KnowledgeLanguage.Dutch)]
    [InlineData("where is the staff room", KnowledgeLanguage.English)]
    public void Retrieve_OnlySchoolWordsMatched_GivesNoConfidence(string question, KnowledgeLanguage language)
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve(question, language);

        Assert.Contains(result.Terms, t => t.School);
        Assert.All(result.Candidates, c => Assert.False(c.Topical, c.EntryId));
        Assert.All(result.Candidates, c => Assert.Equal(0, c.Confidence));
    }

    [Fact]
    public void Retrieve_SchoolWordsBesideATopicWord_KeepTheirShareOfTheConfidence()
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve("foto's van de klas op de website zetten", KnowledgeLanguage.Dutch);

        Assert.Contains(result.Terms, t => t.School);
        Assert.True(result.Top!.Topical);
        Assert.True(result.Top.Confidence > 0.7, $"confidence {result.Top.Confidence}");
    }

    [Fact]
    public void Retrieve_SchoolWordTheKnowledgeBaseLacks_IsNotCorrectedAsATypo()
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve("verlof", KnowledgeLanguage.Dutch);

        var term = Assert.Single(result.Terms);
        Assert.True(term.School);
        Assert.False(term.Known);
        Assert.Empty(term.Expansions);
    }

    [Fact]
    public void Retrieve_WithExplain_BreaksTheScoreDownPerWord()
    {
        var result = TestKnowledge.Fixture.Retriever.Retrieve("foto publiceren", KnowledgeLanguage.Dutch, new(Explain: true));

        var top = result.Top!;
        Assert.Equal(result.Terms.Select(t => t.Term), top.Breakdown.Select(b => b.Term));
        Assert.Equal(2, top.Breakdown.Count);
        Assert.Equal(top.Score, top.Breakdown.Sum(b => b.Score), 3);
    }

    [Fact]
    public void Retrieve_FromManyThreads_GivesTheSameRanking()
    {
        var questions = new[] { "foto publiceren", "bewaartermijn cijfers", "leerlingdossier overdragen", "what is personal data" };
        var expected = questions.Select(q => TopFor(q, q.StartsWith("what", StringComparison.Ordinal) ? KnowledgeLanguage.English : KnowledgeLanguage.Dutch)).ToList();

        var results = Enumerable.Range(0, 200).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => (i % 4, TopFor(questions[i % 4], i % 4 == 3 ? KnowledgeLanguage.English : KnowledgeLanguage.Dutch)))
            .ToList();

        Assert.All(results, r => Assert.Equal(expected[r.Item1], r.Item2));
    }
}
