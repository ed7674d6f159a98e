using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>What the tests of our char filters compare with Lucene's: the text passed on and every corrected offset.</summary>
internal static class LuceneCharFilterComparison
{
    /// <summary>Lucene's map for <see cref="KnowledgeAnalyzer.CharMappings"/>.</summary>
    public static readonly NormalizeCharMap LuceneMap = BuildLuceneMap();

    /// <summary>Every dev question and entry text (title, alternates, keywords, answer as Markdown and as plain text), and all of them as one long text.</summary>
    public static List<string> KnowledgeTexts()
    {
        var texts = EvaluationSets.Product.Knowledge.Entries
            .SelectMany(e => new[] { e.Dutch, e.English })
            .SelectMany(c => c.Alternates.Concat(c.Keywords).Append(c.Title).Append(c.AnswerMarkdown).Append(KnowledgeIndex.PlainAnswer(c.AnswerMarkdown)));
        var all = EvaluationSets.Dev.Select(c => c.Question).Concat(texts).ToList();
        // And one text far longer than a filter's first read (1,024 characters).
        all.Add(string.Join(" ", all));
        return all;
    }

    /// <summary>The same text, and the same correction of every offset up to one past its end.</summary>
    public static void AssertSameTextAndOffsets(CharFilter lucene, CharFilter ours)
    {
        var expected = ReadAll(lucene);
        Assert.Equal(expected, ReadAll(ours));
        for (var offset = 0; offset <= expected.Length + 1; offset++)
        {
            Assert.Equal(lucene.CorrectOffset(offset), ours.CorrectOffset(offset));
        }
    }

    public static string ReadAll(CharFilter filter)
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
