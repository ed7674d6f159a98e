namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// One word of a question as searched: a disjunction over the fields and the word's expansions that
/// scores like Lucene's <c>DisjunctionMaxQuery</c> of boosted <c>TermQuery</c>s (best disjunct plus
/// <see cref="TieBreaker"/> times the others). Plain data rather than Lucene query objects: the index
/// scores it from postings read at start-up (<see cref="KnowledgeIndex.Search(Entries.KnowledgeLanguage, QueryClause)"/>),
/// and building the Lucene queries for every word of every question (terms encoded to UTF-8, query
/// lists copied) was a quarter of planning a search (RELIABILITY.md, session 7).
/// </summary>
/// <param name="Disjuncts">Terms a field contains, in the order Lucene's query would hold them (fields, then expansions).</param>
public sealed record QueryClause(IReadOnlyList<QueryClause.Disjunct> Disjuncts, float TieBreaker)
{
    /// <summary>A term in one field with its boost (field boost times the expansion's factor, in single precision as Lucene's Query.Boost).</summary>
    public readonly record struct Disjunct(KnowledgeField Field, string Term, float Boost);
}
