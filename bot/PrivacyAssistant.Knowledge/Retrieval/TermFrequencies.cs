using Lucene.Net.Index;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// How many entries contain each indexed term, per field and over all fields of a language, read
/// once from the index's term dictionary after it is built.
/// </summary>
/// <remarks>
/// Retrieval asks these counts dozens of times per question (the weight of each word, the idf of
/// each clause); seeking Lucene's term dictionary for each was about a fifth of a turn's CPU. The
/// index never changes after start-up, so a dictionary gives the same numbers.
/// </remarks>
internal sealed class TermFrequencies
{
    private static readonly int[] None = new int[KnowledgeFieldNames.All.Length + 1];

    private readonly Dictionary<string, int[]> _dutch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _english = new(StringComparer.Ordinal);

    public TermFrequencies(IndexReader reader)
    {
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            var counts = For(language);
            for (var slot = 0; slot <= KnowledgeFieldNames.All.Length; slot++)
            {
                var field = slot < KnowledgeFieldNames.All.Length
                    ? KnowledgeFieldNames.Name(language, KnowledgeFieldNames.All[slot])
                    : KnowledgeFieldNames.AllName(language);
                var terms = MultiFields.GetTerms(reader, field);
                if (terms is null)
                {
                    continue;
                }

                var iterator = terms.GetEnumerator();
                while (iterator.MoveNext())
                {
                    var term = iterator.Term.Utf8ToString();
                    if (!counts.TryGetValue(term, out var perField))
                    {
                        counts[term] = perField = new int[KnowledgeFieldNames.All.Length + 1];
                    }

                    perField[slot] = iterator.DocFreq;
                }
            }
        }
    }

    /// <summary>The slot of <see cref="Counts"/> that counts entries with the term in any field.</summary>
    public static readonly int AnyField = KnowledgeFieldNames.All.Length;

    /// <summary>
    /// Entries with <paramref name="term"/> per field (indexed by <see cref="KnowledgeField"/>) and in any
    /// field (<see cref="AnyField"/>), all 0 for a term the language lacks. Shared: read, never write.
    /// </summary>
    public int[] Counts(KnowledgeLanguage language, string term) => For(language).GetValueOrDefault(term) ?? None;

    /// <summary>Entries with <paramref name="term"/> in any field of the language.</summary>
    public int EntryFreq(KnowledgeLanguage language, string term) =>
        Counts(language, term)[AnyField];

    private Dictionary<string, int[]> For(KnowledgeLanguage language) => language == KnowledgeLanguage.English ? _english : _dutch;
}
