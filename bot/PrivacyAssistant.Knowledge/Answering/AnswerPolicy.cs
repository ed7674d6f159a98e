using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Turns ranked candidates into a decision. Pure and independent of how the candidates were
/// ranked, so another <see cref="IRetriever"/> can reuse it with its own calibrated thresholds.
/// </summary>
/// <param name="AnswerThreshold">Confidence at or above which the best entry is the answer.</param>
/// <param name="NoneThreshold">Confidence below which the bot does not know.</param>
/// <param name="ClarifyRatio">Runner-up ÷ best BM25 score from which the two are too close to call.</param>
/// <param name="FormThreshold">
/// Below this confidence a "Bedoel je…?" needs a question shaped like a privacy question (<see cref="QuestionForm"/>):
/// otherwise the bot does not know. 0 switches the rule off.
/// </param>
/// <param name="HowToThreshold">
/// Below this confidence a "Bedoel je…?" for a how-to or "werkt niet" question (<see cref="QuestionShape.HowTo"/>) becomes
/// none. 0 switches the rule off.
/// </param>
public sealed record AnswerPolicy(double AnswerThreshold, double NoneThreshold, double ClarifyRatio, double FormThreshold = 0, double HowToThreshold = 0)
{
    public static AnswerPolicy From(KnowledgeOptions options) =>
        new(options.AnswerThreshold, options.NoneThreshold, options.ClarifyRatio, options.FormThreshold, options.HowToThreshold);

    /// <param name="candidates">Ranked best first.</param>
    /// <param name="asksAboutPrivacy">
    /// Whether the question asks permission, obligation or who may see, or names personal data; asked only for a
    /// weak "Bedoel je…?" (below <see cref="FormThreshold"/>). Null: every question counts as one.
    /// </param>
    public (AnswerDecision Decision, IReadOnlyList<RankedCandidate> Chosen) Decide(IReadOnlyList<RankedCandidate> candidates, Func<bool>? asksAboutPrivacy = null) =>
        asksAboutPrivacy is null
            ? Decide(candidates, 0, static _ => true)
            : Decide(candidates, asksAboutPrivacy, static ask => ask());

    /// <summary><see cref="Decide(IReadOnlyList{RankedCandidate}, Func{bool}?)"/> with the form asked through <paramref name="state"/>, so the caller's hot path allocates no closure.</summary>
    public (AnswerDecision Decision, IReadOnlyList<RankedCandidate> Chosen) Decide<TState>(IReadOnlyList<RankedCandidate> candidates, TState state, Func<TState, bool> asksAboutPrivacy) =>
        Decide(candidates, (State: state, Asks: asksAboutPrivacy), static s => s.Asks(s.State) ? QuestionShape.Privacy : QuestionShape.Other);

    /// <summary>
    /// The decision with the question's <see cref="QuestionShape"/> asked through <paramref name="state"/> (no closure on the
    /// hot path), and only for a "Bedoel je…?" below <see cref="FormThreshold"/> or <see cref="HowToThreshold"/>.
    /// </summary>
    public (AnswerDecision Decision, IReadOnlyList<RankedCandidate> Chosen) Decide<TState>(IReadOnlyList<RankedCandidate> candidates, TState state, Func<TState, QuestionShape> shapeOf)
    {
        var top = candidates.Count > 0 ? candidates[0] : null;
        if (top is null || top.Confidence < NoneThreshold)
        {
            return (AnswerDecision.None, []);
        }

        var second = candidates.Count > 1 ? candidates[1] : null;
        // Closeness is judged on the raw BM25 scores: confidence saturates at 1 for every entry that
        // contains all the question's words, so "Wat zijn persoonsgegevens?" would otherwise always tie.
        var close = second is not null && second.Confidence >= NoneThreshold && second.Score >= top.Score * ClarifyRatio;
        if (top.Confidence >= AnswerThreshold && (!close || top.ExactPhrasing))
        {
            return (AnswerDecision.Answer, [top]);
        }

        // A weak match for a question that asks no permission, obligation or who may see and names no
        // personal data is mostly a how-to, "werkt niet" or a complaint that shares a word with an entry:
        // offering privacy entries for it misleads (docs/knowledge-retrieval.md, "Session 10").
        // A how-to or "werkt niet" question that names neither personal data nor people asks about a tool ("hoe maak ik in
        // forms een quiz"): whatever word it shares with an entry, the entry is not what was asked ("Session 11, off-topic").
        if (top.Confidence < FormThreshold || top.Confidence < HowToThreshold)
        {
            var shape = shapeOf(state);
            if ((top.Confidence < FormThreshold && shape != QuestionShape.Privacy) || (top.Confidence < HowToThreshold && shape == QuestionShape.HowTo))
            {
                return (AnswerDecision.None, []);
            }
        }

        // Between the thresholds, or two entries neck and neck: let the user pick from the best
        // one or two (the runner-up only when it is plausible at all).
        var plausibleSecond = second is not null && second.Confidence >= NoneThreshold;
        return (AnswerDecision.Clarify, plausibleSecond ? [top, second!] : [top]);
    }
}
