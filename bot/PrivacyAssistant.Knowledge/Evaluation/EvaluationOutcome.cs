using PrivacyAssistant.Knowledge.Answering;

namespace PrivacyAssistant.Knowledge.Evaluation;

/// <summary>What the answerer did with one evaluation question.</summary>
/// <param name="Case">The question and what was expected.</param>
/// <param name="Decision">The decision.</param>
/// <param name="EntryId">The entry shown first (answer, or the first "Bedoel je…?" option); null for none and breach.</param>
/// <param name="Score">The best candidate's confidence.</param>
/// <param name="OptionIds">The entries a "Bedoel je…?" offered, best first (empty for the other decisions).</param>
public sealed record EvaluationOutcome(EvaluationCase Case, AnswerDecision Decision, string? EntryId, double Score, IReadOnlyList<string>? OptionIds = null)
{
    /// <summary>
    /// <c>none</c> and <c>breach</c> must be the decision; an entry id must be the entry shown
    /// first, as the answer or as the first option of "Bedoel je…?".
    /// </summary>
    public bool Passed => Case.Expected switch
    {
        EvaluationCase.None => Decision == AnswerDecision.None,
        EvaluationCase.Breach => Decision == AnswerDecision.Breach,
        _ => Decision is AnswerDecision.Answer or AnswerDecision.Clarify && EntryId == Case.Expected,
    };

    /// <summary>Why the question failed; null when it passed.</summary>
    public FailureClass? Failure => Passed ? null : Case.Expected switch
    {
        EvaluationCase.None => Decision switch
        {
            AnswerDecision.Answer => FailureClass.OffTopicAnswered,
            AnswerDecision.Breach => FailureClass.OffTopicTakenForReport,
            _ => FailureClass.OffTopicClarified,
        },
        EvaluationCase.Breach => FailureClass.ReportMissed,
        _ => Decision switch
        {
            AnswerDecision.None => FailureClass.EntryNone,
            AnswerDecision.Breach => FailureClass.EntryTakenForReport,
            AnswerDecision.Answer => FailureClass.WrongAnswer,
            _ => OptionIds is { Count: > 1 } options && options[1] == Case.Expected
                ? FailureClass.ClarifyExpectedSecond
                : FailureClass.ClarifyWithoutExpected,
        },
    };

    /// <summary>What the answerer produced, in the vocabulary of the expected column.</summary>
    public string Got => Decision switch
    {
        AnswerDecision.None => EvaluationCase.None,
        AnswerDecision.Breach => EvaluationCase.Breach,
        AnswerDecision.Clarify => $"{EntryId} (clarify)",
        _ => EntryId ?? "?",
    };

    /// <summary>An off-topic question that got an answer: the failure the product must never have.</summary>
    public bool ConfidentOffTopic => Case.Expected == EvaluationCase.None && Decision == AnswerDecision.Answer;
}
