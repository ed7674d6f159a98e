using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>What the retriever made of a question and the entries it ranked.</summary>
/// <param name="Language">The language the question was searched in.</param>
/// <param name="Terms">The question's informative words after analysis.</param>
/// <param name="Candidates">Entries, best first.</param>
public sealed record RetrievalResult(
    KnowledgeLanguage Language,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlyList<RankedCandidate> Candidates)
{
    public RankedCandidate? Top => Candidates.Count > 0 ? Candidates[0] : null;

    public RankedCandidate? Second => Candidates.Count > 1 ? Candidates[1] : null;
}
