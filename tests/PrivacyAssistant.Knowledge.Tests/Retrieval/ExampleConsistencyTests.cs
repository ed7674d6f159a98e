using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>The leave-one-out check of the example questions (<see cref="ExampleConsistency"/>, <see cref="ExampleIndex.NearestExcept"/>).</summary>
public sealed class ExampleConsistencyTests : IDisposable
{
    // Line 4 is mislabelled (a lost usb stick with grades is a data breach, not "none"); lines 8 and 9 are the same
    // question up to a word under two labels. The rest agree with the fixture's entries and with each other.
    private const string Examples =
        "datalek\tik heb een mail met cijfers naar de verkeerde ouder gestuurd\n"
        + "datalek\tmijn laptop met leerlinggegevens is gestolen\n"
        + "datalek\tusb stick met toetsresultaten kwijtgeraakt\n"
        + "none\tde usb stick met de cijfers van mijn klas is kwijt, wat moet ik doen\n"
        + "beeldmateriaal\tmag ik foto's van de klas op instagram zetten\n"
        + "beeldmateriaal\tmogen ouders filmpjes van het schoolfeest delen\n"
        + "none\twanneer gaat de kantine weer open\n"
        + "bewaartermijnen\thoe lang bewaren we het verslag van de zorgleerling\n"
        + "overstapdossier\thoe lang bewaren we het verslag van die zorgleerling\n";

    private readonly TemporaryFolder _folder = TestKnowledge.CopyOfFixture();
    private readonly KnowledgeBase _knowledge;
    private readonly ExampleIndex _index;

    public ExampleConsistencyTests()
    {
        File.WriteAllText(Path.Combine(_folder.Path, KnowledgeLoader.ExampleQuestionsFile), Examples);
        _knowledge = KnowledgeLoader.Load(_folder.Path, new SchoolOptions());
        _index = new ExampleIndex(_knowledge);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NearestExcept_AnExampleAloneInItsLabel_IsVotedByTheOthersOnly()
    {
        // Line 7 is the only "none" text besides the mislabelled line 4 (a different question): without itself, the
        // entries' titles and alternates outvote it.
        var alone = _knowledge.Examples.Single(e => e.Line == 7);

        var itself = _index.Nearest(alone.Question, explain: true);
        var others = _index.NearestExcept(alone, explain: true);

        Assert.Null(itself.EntryId);
        Assert.NotNull(others.EntryId);
        Assert.Same(alone, itself.Neighbours![0].Example);
        Assert.DoesNotContain(others.Neighbours ?? [], n => ReferenceEquals(n.Example, alone));
        Assert.All(others.Neighbours ?? [], n => Assert.True(n.Similarity < 1.0 - 1e-6));
    }

    [Fact]
    public void NearestExcept_AnExampleOfAnotherKnowledgeBase_Throws()
    {
        var stranger = new ExampleQuestion("datalek", "mijn laptop met leerlinggegevens is gestolen", 2);

        Assert.Throws<ArgumentException>(() => _index.NearestExcept(stranger));
    }

    [Fact]
    public void Nearest_NamesTheExampleANeighbourIs_AndNoneForATitle()
    {
        var verdict = _index.Nearest("wat is een datalek en wat moet ik doen", explain: true);

        Assert.Null(verdict.Neighbours![0].Example);
        Assert.Equal("datalek", verdict.Neighbours[0].EntryId);
        Assert.Contains(_index.Nearest("usb stick met toetsresultaten kwijtgeraakt", explain: true).Neighbours!, n => n.Example?.Line == 3);
    }

    [Fact]
    public void Check_WithAMislabelledExample_ListsItVotedForItsRealEntry()
    {
        var report = ExampleConsistency.Check(_knowledge, _index, minSupport: 0.15);

        var mislabelled = Assert.Single(report.Disagreements, d => d.Line == 4);
        Assert.Null(mislabelled.Label);
        Assert.Equal("datalek", mislabelled.Voted);
        // Of the near-identical pair, the bewaartermijnen entry's own texts side with line 8: line 9 is the odd one out.
        Assert.Equal([4, 9], report.Disagreements.Select(d => d.Line).Order());
        Assert.Equal(9, report.Examples);
        Assert.Equal(report.Examples, report.Agreeing + report.Disagreements.Count + report.WeakDisagreements);
    }

    [Fact]
    public void Check_WithTwoNearIdenticalExamplesUnderDifferentLabels_ReportsThePairOnce()
    {
        var report = ExampleConsistency.Check(_knowledge, _index);

        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal((8, 9), (Math.Min(conflict.Line, conflict.OtherLine!.Value), Math.Max(conflict.Line, conflict.OtherLine.Value)));
        Assert.NotEqual(conflict.Label, conflict.OtherLabel);
        Assert.InRange(conflict.Similarity, ExampleConsistency.DefaultDuplicateSimilarity, 1.0);
    }

    [Fact]
    public void Check_OnTheShippedKnowledge_RunsAndMostExamplesAgreeWithTheirNeighbours()
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.RepositoryFolder, new SchoolOptions());
        var index = new ExampleIndex(knowledge, new KnowledgeOptions().ExampleNeighbours, new KnowledgeOptions().ExamplesStopShare);

        var report = ExampleConsistency.Check(knowledge, index);

        Assert.Equal(knowledge.Examples.Count, report.Examples);
        Assert.Equal(report.Examples, report.Agreeing + report.Disagreements.Count + report.WeakDisagreements);
        Assert.True(report.Agreeing > report.Examples * 0.8, $"{report.Agreeing} of {report.Examples} agree");
        Assert.All(report.Disagreements, d => Assert.True(d.Support >= report.MinSupport && d.Label != d.Voted));
        Assert.All(report.Conflicts, c => Assert.True(c.Similarity >= report.DuplicateSimilarity && c.Label != c.OtherLabel));
    }
}
