using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// BM25 whose idf counts entries that contain the term in <em>any</em> field, instead of per field.
/// With per-field idf, "avg" in one entry's title looks rare (idf high) although half the answers
/// mention the AVG; counted per entry it is the common word it is. Term frequency and length
/// normalisation stay per field.
/// </summary>
internal sealed class EntryIdfSimilarity(float k1, float b) : BM25Similarity(k1, b)
{
    /// <summary>Set once the index is open; until then the field's own statistics are used.</summary>
    public IndexReader? Reader { get; set; }

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
    {
        var reader = Reader;
        var dot = collectionStats.Field.IndexOf('.', StringComparison.Ordinal);
        if (reader is null || dot < 0)
        {
            return base.IdfExplain(collectionStats, termStats);
        }

        var entries = reader.MaxDoc;
        var docFreq = Math.Max(termStats.DocFreq, reader.DocFreq(new Term(collectionStats.Field[..(dot + 1)] + KnowledgeFieldNames.AllSuffix, termStats.Term)));
        return new Explanation(Idf(docFreq, entries), $"idf(entries with the term={docFreq}, entries={entries})");
    }
}
