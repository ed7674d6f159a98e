using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// BM25 whose idf counts entries that contain the term in <em>any</em> field, instead of per field.
/// With per-field idf, "avg" in one entry's title looks rare (idf high) although half the answers
/// mention the AVG; counted per entry it is the common word it is. Term frequency and length
/// normalisation stay per field.
/// </summary>
internal sealed class EntryIdfSimilarity(float k1, float b) : BM25Similarity(k1, b)
{
    private IndexReader? _reader;
    private TermFrequencies? _frequencies;

    /// <summary>Called once the index is open; until then the field's own statistics are used.</summary>
    public void Use(IndexReader reader, TermFrequencies frequencies)
    {
        _frequencies = frequencies;
        _reader = reader;
    }

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
    {
        var reader = _reader;
        var frequencies = _frequencies;
        var field = collectionStats.Field;
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (reader is null || frequencies is null || dot < 0)
        {
            return base.IdfExplain(collectionStats, termStats);
        }

        var entries = reader.MaxDoc;
        var language = field.StartsWith("en.", StringComparison.Ordinal) ? KnowledgeLanguage.English : KnowledgeLanguage.Dutch;
        var docFreq = Math.Max(termStats.DocFreq, frequencies.EntryFreq(language, termStats.Term.Utf8ToString()));
        return new Explanation(Idf(docFreq, entries), $"idf(entries with the term={docFreq}, entries={entries})");
    }

    /// <summary>
    /// BM25's per-field table of <c>k1 × (1 - b + b × field length / average length)</c> for each
    /// encoded norm, computed exactly as <c>BM25Similarity.ComputeWeight</c> computes it (for
    /// <see cref="PostingsScorer"/>, which must reproduce Lucene's scores bit for bit).
    /// </summary>
    internal float[] NormCache(CollectionStatistics collectionStats)
    {
        var avgdl = AvgFieldLength(collectionStats);
        var cache = new float[256];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = K1 * ((1 - B) + B * DecodeNormValue((byte)i) / avgdl);
        }

        return cache;
    }
}
