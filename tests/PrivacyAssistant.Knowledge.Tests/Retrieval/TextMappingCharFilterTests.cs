using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>
/// The analyzer's char mapping replaced Lucene's MappingCharFilter (which allocated a 16 KB buffer per
/// text); the text it passes on and the offset correction of every position must stay Lucene's, since
/// the tokens, their offsets and so every score follow from them.
/// </summary>
public sealed class TextMappingCharFilterTests
{
    private static readonly NormalizeCharMap LuceneMap = BuildLuceneMap();

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
        var engine = EvaluationSets.Product;
        var texts = engine.Knowledge.Entries
            .SelectMany(e => new[] { e.Dutch, e.English })
            .SelectMany(c => c.Alternates.Concat(c.Keywords).Append(c.Title).Append(c.AnswerMarkdown).Append(KnowledgeIndex.PlainAnswer(c.AnswerMarkdown)));
        var all = EvaluationSets.Dev.Select(c => c.Question).Concat(texts).ToList();
        // And one text far longer than the filter's first read (1,024 characters).
        all.Add(string.Join(" ", all));

        foreach (var text in all)
        {
            AssertSameAsLucene(text);
        }
    }

    private static void AssertSameAsLucene(string text)
    {
        using var lucene = new MappingCharFilter(LuceneMap, new StringReader(text));
        using var ours = new TextMappingCharFilter(KnowledgeAnalyzer.CharMappings, new StringReader(text));

        var expected = ReadAll(lucene);
        Assert.Equal(expected, ReadAll(ours));
        for (var offset = 0; offset <= expected.Length; offset++)
        {
            Assert.Equal(lucene.CorrectOffset(offset), ours.CorrectOffset(offset));
        }
    }

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
