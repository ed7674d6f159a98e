using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Combines the lexical verdict with the fused ranking. The rules only ever move towards the user
/// choosing: a lexical "none" can become a "Bedoel je…?" (never an answer); a "Bedoel je…?" becomes an
/// answer only when lexical and vector search agree on the same best entry; a lexical answer stays.
/// A breach report never gets here.
/// </summary>
public static class HybridDecision
{
    public static KnowledgeAnswer Decide(
        KnowledgeAnswer lexical,
        IReadOnlyList<FusedCandidate> fused,
        IReadOnlyList<(string EntryId, double Similarity)> vector,
        KnowledgeBase knowledge,
        AnswerPolicy policy,
        HybridRetrievalOptions options)
    {
        var vectorTop = vector.Count > 0 ? vector[0] : default;
        bool Plausible(FusedCandidate c) => c.LexicalConfidence >= policy.NoneThreshold || c.Similarity >= options.SuggestSimilarity;

        switch (lexical.Decision)
        {
            case AnswerDecision.Answer:
                return lexical;

            case AnswerDecision.Clarify:
            {
                var lexicalTop = lexical.Entry!.Id;
                if (fused.Count > 0 && fused[0].EntryId == lexicalTop && vectorTop.EntryId == lexicalTop && vectorTop.Similarity >= options.AgreeSimilarity)
                {
                    return lexical with { Decision = AnswerDecision.Answer, Options = [] };
                }

                var options2 = fused.Where(Plausible).Take(2).Select(c => knowledge.Get(c.EntryId)).ToList();
                return options2.Count == 0 ? lexical : lexical with { Entry = options2[0], Options = options2 };
            }

            case AnswerDecision.None when lexical.OutOfScope is not null:
                // The officer's out-of-scope list names the question's topic: no privacy entry to suggest.
                return lexical;

            case AnswerDecision.None:
            {
                var suggestions = vector.Where(v => v.Similarity >= options.SuggestSimilarity).Take(2).Select(v => knowledge.Get(v.EntryId)).ToList();
                return suggestions.Count == 0
                    ? lexical
                    : lexical with { Decision = AnswerDecision.Clarify, Entry = suggestions[0], Options = suggestions };
            }

            default:
                return lexical;
        }
    }
}
