using Lucene.Net.Analysis.CharFilters;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>
/// The analyzer's char mapping replaced Lucene's MappingCharFilter (which allocated a 16 KB buffer per
/// text); the text it passes on and the offset correction of every position must stay Lucene's, since
/// the tokens, their offsets and so every score follow from them.
/// </summary>
public sealed class TextMappingCharFilterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("foto's")]
    [InlineData("'s ochtends de foto’s van de leerling‘ e-mailen")]
    [InlineData("E-Mail, e-Mail en E-mail: e-mail's, ''s'' en ’’s’")]
    [InlineData("e-mai e- -mail e-mail")]
    [InlineData("'")]
    [InlineData("mag ik OneDrive gebruiken voor meldpuntAVG@school.nl?")]
    public void Filter_GivesLucenesTextAndOffsets(string text)
    {
        AssertSameAsLucene(text);
    }

    [Fact]
    public void Filter_ForDevQuestionsAndEntryTexts_GivesLucenesTextAndOffsets()
    {
        var all = LuceneCharFilterComparison.KnowledgeTexts();

        foreach (var text in all)
        {
            AssertSameAsLucene(text);
        }
    }

    private static void AssertSameAsLucene(string text)
    {
        using var lucene = new MappingCharFilter(LuceneCharFilterComparison.LuceneMap, new StringReader(text));
        using var ours = new TextMappingCharFilter(KnowledgeAnalyzer.CharMappings, new StringReader(text));

        LuceneCharFilterComparison.AssertSameTextAndOffsets(lucene, ours);
    }
}
