using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Words that carry no topic: Lucene's Snowball lists plus the product's own, from the knowledge
/// folder (<c>knowledge/stop-words.txt</c>: the filler of spoken questions and question-framing words).
/// </summary>
public sealed class StopWords
{
    private StopWords(CharArraySet dutch, CharArraySet english)
    {
        Dutch = dutch;
        English = english;
    }

    public CharArraySet Dutch { get; }

    public CharArraySet English { get; }

    /// <summary>The Snowball lists plus the words of <paramref name="extra"/> (<c>stop-words.txt</c>).</summary>
    public static StopWords From(WordList extra) => new(
        Build(DutchAnalyzer.DefaultStopSet, extra.Dutch),
        Build(EnglishAnalyzer.DefaultStopSet, extra.English));

    public CharArraySet For(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;

    private static CharArraySet Build(CharArraySet defaults, IReadOnlyList<ListedWord> extra)
    {
        var words = new List<string>();
        foreach (var word in defaults)
        {
            words.Add(word?.ToString() ?? string.Empty);
        }

        words.AddRange(extra.Select(w => w.Word));
        // Stop words are compared after accent folding and apostrophe removal, so fold the list the same way.
        var folded = words.Select(TextNormalizer.Fold).Where(w => w.Length > 0);
        return new CharArraySet(LuceneVersion.LUCENE_48, folded.ToList(), ignoreCase: true).AsReadOnly();
    }
}
