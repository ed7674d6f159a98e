using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Pattern;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>
/// The analyzer's char filters (<see cref="TextMappingCharFilter"/> under <see cref="TextPatternReplaceCharFilter"/>)
/// replaced Lucene's MappingCharFilter under PatternReplaceCharFilter; the text the tokenizer reads and
/// the corrected offset of every position must stay Lucene's.
/// </summary>
public sealed class TextPatternReplaceCharFilterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("OneDrive")]
    [InlineData("meldpuntAVG@school.nl en iPad, eMail's, SharePoint-site")]
    [InlineData("aBcDeF gHiJ e-Mail'sOneDrive ’sX")]
    [InlineData("geen hoofdletters hier")]
    [InlineData("ÉénÀ, straßeÜber")]
    public void Chain_GivesLucenesTextAndOffsets(string text)
    {
        AssertSameAsLucene(text);
    }

    [Fact]
    public void Chain_ForDevQuestionsAndEntryTexts_GivesLucenesTextAndOffsets()
    {
        var all = LuceneCharFilterComparison.KnowledgeTexts();

        foreach (var text in all)
        {
            AssertSameAsLucene(text);
        }

        // Texts with a case change (where the pattern inserts a space) were among them.
        Assert.Contains(all, t => KnowledgeAnalyzer.CaseChange.IsMatch(t));
    }

    [Fact]
    public void Filter_OverAnotherReader_ReadsItAll()
    {
        using var ours = new TextPatternReplaceCharFilter(KnowledgeAnalyzer.CaseChange, "$1 $2", new StringReader("mijn OneDrive"));

        Assert.Equal("mijn One Drive", LuceneCharFilterComparison.ReadAll(ours));
    }

    private static void AssertSameAsLucene(string text)
    {
        using var lucene = new PatternReplaceCharFilter(KnowledgeAnalyzer.CaseChange, "$1 $2", new MappingCharFilter(LuceneCharFilterComparison.LuceneMap, new StringReader(text)));
        using var ours = new TextPatternReplaceCharFilter(KnowledgeAnalyzer.CaseChange, "$1 $2", new TextMappingCharFilter(KnowledgeAnalyzer.CharMappings, new StringReader(text)));

        LuceneCharFilterComparison.AssertSameTextAndOffsets(lucene, ours);
    }
}
