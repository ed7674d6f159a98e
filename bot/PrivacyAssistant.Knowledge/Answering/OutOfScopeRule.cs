using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// When an out-of-scope topic (<c>knowledge/out-of-scope.txt</c>) wins over the FAQ: the question
/// would get a "Bedoel je…?" or "none", the topic explains at least <see cref="MinimumCoverage"/>
/// of it and at least <see cref="Margin"/> more of it than the best entry does, and the topic accounts
/// for most of what the best entry matched: at most <see cref="MaxUnexplained"/> of the entry's
/// evidence lies outside the topic ("valt een rooster met namen onder persoonsgegevens" keeps its
/// entry: "persoonsgegevens" is not a timetable word; "hoe laat gaat de kantine open" matched the
/// transparency entry only through "open", a canteen word). A breach report is never overruled, and a
/// confident answer only for a question not shaped like a privacy question (no permission, obligation,
/// who-may-see or personal-data word, <see cref="QuestionForm"/>) that the topic explains as above without
/// the margin (the answer's confidence is high by definition): "hoe zet ik cijfers uit excel over naar
/// het leerlingvolgsysteem" is not a question about processing personal data. Pure, so the rule is tested on its own.
/// </summary>
/// <param name="Margin">How much more of the question the topic must explain than the best entry's confidence.</param>
/// <param name="MinimumCoverage">The least share of the question the topic must explain.</param>
/// <param name="MaxUnexplained">The largest share of the best entry's evidence that may lie outside the topic (<see cref="OutOfScopeMatch.Unexplained"/>).</param>
public sealed record OutOfScopeRule(double Margin, double MinimumCoverage, double MaxUnexplained)
{
    /// <summary>Chosen on the dev set (docs/knowledge-retrieval.md, "Out-of-scope topics").</summary>
    public static OutOfScopeRule Default { get; } = new(Margin: 0.1, MinimumCoverage: 0.5, MaxUnexplained: 0.5);

    /// <summary>Whether <paramref name="match"/> explains the question clearly better than the FAQ did with <paramref name="decision"/> at <paramref name="bestConfidence"/>.</summary>
    /// <param name="privacyShaped">Whether the question is shaped like a privacy question (<see cref="QuestionForm"/>); only then is an answer kept whatever the topic.</param>
    public bool Overrules(AnswerDecision decision, double bestConfidence, OutOfScopeMatch? match, bool privacyShaped = true) =>
        match is not null
        && match.Coverage >= MinimumCoverage
        && match.Unexplained <= MaxUnexplained
        && decision switch
        {
            AnswerDecision.Clarify or AnswerDecision.None => match.Coverage >= bestConfidence + Margin,
            AnswerDecision.Answer => !privacyShaped,
            _ => false,
        };
}
