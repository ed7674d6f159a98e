using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>
/// The "# made for" line of <c>real-words.txt</c>: the list is for the patterns it was generated from, and loading a folder
/// whose patterns moved on says so. The shipped pair is checked here, so CI fails when breach-intents.txt is edited without
/// regenerating the list.
/// </summary>
public sealed class RealWordsStampTests
{
    private static KnowledgeEngine Product => Evaluation.EvaluationSets.Product;

    // A detector over the product's analysis with these patterns, as the engine builds it (the vocabulary only saves work).
    private static BreachIntentDetector Over(string patterns) => new(
        patterns,
        Product.Index.Analysis(KnowledgeLanguage.Dutch),
        Product.Index.Analysis(KnowledgeLanguage.English),
        realWordsText: Product.Knowledge.RealWords);

    [Fact]
    public void ShippedRealWords_RecordTheShippedPatterns()
    {
        var recorded = RealWordsStamp.Recorded(Product.Knowledge.RealWords);

        Assert.NotNull(recorded);
        Assert.True(
            recorded == Product.BreachIntents.ToleranceWordsSha256,
            $"knowledge/real-words.txt was made for other breach patterns than knowledge/breach-intents.txt has: regenerate it ({RealWordsStamp.RegenerateCommand}, see its header)");
        Assert.Empty(Product.Warnings);
    }

    [Fact]
    public void Staleness_WhenThePatternsGainATypoTolerantWord_WarnsNamingBothFilesAndTheCommand()
    {
        var edited = Over(Product.Knowledge.BreachIntents + "\nschoolfotograaf + kwijt\n");

        var warning = RealWordsStamp.Staleness(Product.Knowledge.RealWords, edited.ToleranceWordsSha256);

        Assert.NotNull(warning);
        Assert.Equal(KnowledgeLoader.RealWordsFile, warning.File);
        Assert.Contains(KnowledgeLoader.BreachIntentsFile, warning.Message, StringComparison.Ordinal);
        Assert.Contains(RealWordsStamp.RegenerateCommand, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Staleness_WithoutTheMadeForLine_SaysNothing()
    {
        var handMade = string.Join('\n', Product.Knowledge.RealWords.Split('\n').Where(l => !l.StartsWith(RealWordsStamp.Prefix, StringComparison.Ordinal)));
        var edited = Over(Product.Knowledge.BreachIntents + "\nschoolfotograaf + kwijt\n");

        Assert.Null(RealWordsStamp.Recorded(handMade));
        Assert.Null(RealWordsStamp.Staleness(handMade, edited.ToleranceWordsSha256));
    }

    [Fact]
    public void ToleranceWordsSha256_AfterACommentOnlyEdit_IsUnchanged()
    {
        var patterns = Product.Knowledge.BreachIntents;
        var firstComment = patterns.Split('\n').First(l => l.StartsWith('#'));
        var commented = "# a note about stolen laptops and ransomware\n"
            + patterns.Replace(firstComment, "# reworded: gestolen schoolfotograaf", StringComparison.Ordinal) + "\n\n# inbraak, overval\n";

        Assert.Equal(Product.BreachIntents.ToleranceWordsSha256, Over(commented).ToleranceWordsSha256);
        Assert.Null(RealWordsStamp.Staleness(Product.Knowledge.RealWords, Over(commented).ToleranceWordsSha256));
    }

    [Fact]
    public void ToleranceWordsSha256_WithAGuardOfShortWordsOnly_IsUnchanged()
    {
        // Words under five letters take no typo tolerance, so their neighbours are not in the list either.
        var guarded = Product.Knowledge.BreachIntents + "\n!wat + als + de + pas\n";

        Assert.Equal(Product.BreachIntents.ToleranceWordsSha256, Over(guarded).ToleranceWordsSha256);
    }
}
