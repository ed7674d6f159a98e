using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Pattern;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

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
        var engine = EvaluationSets.Product;
        var texts = engine.Knowledge.Entries
            .SelectMany(e => new[] { e.Dutch, e.English })
            .SelectMany(c => c.Alternates.Concat(c.Keywords).Append(c.Title).Append(c.AnswerMarkdown).Append(KnowledgeIndex.PlainAnswer(c.AnswerMarkdown)));
        var all = EvaluationSets.Dev.Select(c => c.Question).Concat(texts).ToList();
        all.Add(string.Join(" ", all));

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

        Assert.Equal("mijn One Drive", ReadAll(ours));
    }

    private static void AssertSameAsLucene(string text)
    {
        using var lucene = new PatternReplaceCharFilter(KnowledgeAnalyzer.CaseChange, "$1 $2", new MappingCharFilter(LuceneMap, new StringReader(text)));
        using var ours = new TextPatternReplaceCharFilter(KnowledgeAnalyzer.CaseChange, "$1 $2", new TextMappingCharFilter(KnowledgeAnalyzer.CharMappings, new StringReader(text)));

        var expected = ReadAll(lucene);
        Assert.Equal(expected, ReadAll(ours));
        for (var offset = 0; offset <= expected.Length + 1; offset++)
        {
            Assert.Equal(lucene.CorrectOffset(offset), ours.CorrectOffset(offset));
        }
    }

    private static readonly NormalizeCharMap LuceneMap = BuildLuceneMap();

    private static string ReadAll(CharFilter filter)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[100];
        int read;
        while ((read = filter.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    private static NormalizeCharMap BuildLuceneMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (from, to) in KnowledgeAnalyzer.CharMappings)
        {
            builder.Add(from, to);
        }

        return builder.Build();
    }
}
