namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>An entry ranked for a question.</summary>
/// <param name="EntryId">The entry.</param>
/// <param name="Score">Raw BM25 score (only comparable within one question).</param>
/// <param name="Confidence">
/// The score divided by the most the question's words could score (see
/// <see cref="QueryTerm.Weight"/>): comparable across questions, so one threshold fits all.
/// </param>
/// <param name="Breakdown">Per-word contributions, when asked for.</param>
/// <param name="ExactPhrasing">The question is one of the entry's phrasings (same words, any order).</param>
/// <param name="Topical">
/// The entry matches at least one word that is not a school or everyday word (<c>knowledge/school-words.txt</c>);
/// when false its confidence is 0 whatever the words it shares with the question.
/// </param>
/// <param name="MatchedTerms">
/// Bit i set when the entry matches the question's word i (<see cref="RetrievalResult.Terms"/>); words
/// after the 64th always count as matched. For the out-of-scope rule: what the entry explains.
/// </param>
public sealed record RankedCandidate(string EntryId, double Score, double Confidence, IReadOnlyList<TermContribution> Breakdown, bool ExactPhrasing = false, bool Topical = true, ulong MatchedTerms = ulong.MaxValue)
{
    /// <summary>Whether the entry matches the question's word <paramref name="term"/> (its index in the terms).</summary>
    public bool Matches(int term) => term >= 64 || (MatchedTerms & (1UL << term)) != 0;
}
