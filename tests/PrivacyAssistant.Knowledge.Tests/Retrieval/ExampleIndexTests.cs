using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class ExampleIndexTests : IDisposable
{
    private readonly TemporaryFolder _folder = TestKnowledge.CopyOfFixture();
    private readonly KnowledgeBase _knowledge;
    private readonly ExampleIndex _index;

    public ExampleIndexTests()
    {
        File.WriteAllText(
            Path.Combine(_folder.Path, KnowledgeLoader.ExampleQuestionsFile),
            "datalek\tmijn tas met de toetsen is gestolen in de trein\nnone\twanneer gaat de kantine weer open\nbeeldmateriaal\tmag de fotograaf klassenfoto's maken\n");
        _knowledge = KnowledgeLoader.Load(_folder.Path, new SchoolOptions());
        _index = new ExampleIndex(_knowledge);
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("mijn tas met de toetsen is gestolen in de trein", "datalek")]
    [InlineData("mag de fotograaf klassenfoto's maken", "beeldmateriaal")]
    public void Nearest_AnExamplesOwnText_ReturnsItsLabelWithSimilarityOne(string question, string entry)
    {
        var verdict = _index.Nearest(question, explain: true);

        Assert.Equal(entry, verdict.EntryId);
        Assert.Equal(1.0, verdict.Neighbours![0].Similarity, 5);
        Assert.Equal(entry, verdict.Neighbours[0].EntryId);
        Assert.InRange(verdict.Support, 0.2, 1.0);
    }

    // Stop n-grams leave the vector space entirely (the question's and every text's norm too), so a text still matches
    // itself exactly; leaving them out of the dot product only would not.
    [Theory]
    [InlineData("mijn tas met de toetsen is gestolen in de trein", "datalek")]
    [InlineData("mag de fotograaf klassenfoto's maken", "beeldmateriaal")]
    [InlineData("wanneer gaat de kantine weer open", null)]
    public void Nearest_WithStopNGrams_AnExamplesOwnTextStillScoresOne(string question, string? entry)
    {
        var index = new ExampleIndex(_knowledge, stopShare: 0.1);

        var verdict = index.Nearest(question, explain: true);

        Assert.True(index.StopFeatures > 0);
        Assert.Equal(entry, verdict.Neighbours![0].EntryId);
        Assert.Equal(1.0, verdict.Neighbours[0].Similarity, 5);
    }

    [Fact]
    public void PostingsWalked_WithStopNGrams_LeavesTheCommonNGramsOut()
    {
        const string question = "mijn tas met de toetsen is gestolen in de trein";
        var stopped = new ExampleIndex(_knowledge, stopShare: 0.1);

        Assert.Equal(0, _index.StopFeatures);
        Assert.InRange(stopped.PostingsWalked(question), 1, _index.PostingsWalked(question) - 1);
    }

    [Fact]
    public void Nearest_AnOffTopicExamplesOwnText_SaysOutsidePrivacy()
    {
        var verdict = _index.Nearest("wanneer gaat de kantine weer open", explain: true);

        Assert.Null(verdict.EntryId);
        Assert.True(verdict.OutsidePrivacy);
        Assert.Equal(1.0, verdict.Neighbours![0].Similarity, 5);
    }

    // The veto on rescuing a none (ExamplePolicy.NearestNoneVeto) reads the nearest text's label and similarity, with or
    // without an explanation; a question nearest an entry's text has none.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nearest_QuestionNearestAnOffTopicExample_GivesThatExamplesSimilarity(bool explain)
    {
        var offTopic = _index.Nearest("wanneer gaat de kantine weer open vandaag", explain);
        var privacy = _index.Nearest("mag de fotograaf klassenfoto's maken", explain);

        Assert.InRange(offTopic.NearestNoneSimilarity, 0.5, 0.999);
        Assert.Equal(0, privacy.NearestNoneSimilarity);
    }

    [Fact]
    public void Nearest_CaseAccentsAndPunctuation_DoNotMatter()
    {
        var verdict = _index.Nearest("WANNEER gaat de kántine weer open?!", explain: true);

        Assert.True(verdict.OutsidePrivacy);
        Assert.Equal(1.0, verdict.Neighbours![0].Similarity, 5);
    }

    // Language-neutral: the titles of both languages are labelled texts, so a question in either finds its entry.
    [Theory]
    [InlineData("datalek")]
    [InlineData("beeldmateriaal")]
    [InlineData("bewaartermijnen")]
    public void Nearest_AnEntrysTitleInEitherLanguage_ReturnsThatEntry(string id)
    {
        var entry = _knowledge.Get(id);

        foreach (var title in new[] { entry.Dutch.Title, entry.English.Title })
        {
            var verdict = _index.Nearest(title, explain: true);

            Assert.Equal(id, verdict.EntryId);
            Assert.Equal(1.0, verdict.Neighbours![0].Similarity, 5);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?!  …")]
    public void Nearest_TextWithoutLettersOrDigits_HasNoVerdict(string question)
    {
        var verdict = _index.Nearest(question);

        Assert.Equal(default, verdict);
        Assert.False(verdict.OutsidePrivacy);
    }

    [Fact]
    public void Nearest_WithoutAnExplanation_KeepsNoNeighbours()
    {
        Assert.Null(_index.Nearest("mijn tas met de toetsen is gestolen").Neighbours);
    }

    [Fact]
    public void Nearest_VeryLongQuestion_IsComparedOnItsBeginning()
    {
        var question = "mijn tas met de toetsen is gestolen in de trein " + string.Concat(Enumerable.Repeat("en nog veel meer tekst ", 400));

        Assert.Equal("datalek", _index.Nearest(question).EntryId);
    }

    [Fact]
    public void Count_IsEveryTitleAlternateAndExample()
    {
        var texts = _knowledge.Entries.Sum(e => 2 + e.Dutch.Alternates.Count + e.English.Alternates.Count) + _knowledge.Examples.Count;

        Assert.Equal(texts, _index.Count);
    }
}
