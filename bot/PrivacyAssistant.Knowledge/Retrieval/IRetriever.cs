using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Ranks knowledge entries for a question. The seam for other retrieval methods: a hybrid
/// retriever (e.g. embeddings fused with BM25) implements this and the answer policy stays the same,
/// as long as <see cref="RankedCandidate.Confidence"/> keeps its meaning (0 = nothing matched,
/// about 1 = every informative word of the question matched an entry's question).
/// </summary>
public interface IRetriever
{
    RetrievalResult Retrieve(string question, KnowledgeLanguage language, RetrievalOptions? options = null);
}
