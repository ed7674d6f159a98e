using PrivacyAssistant.Knowledge.Answering;

namespace PrivacyAssistant.Knowledge.Evaluation;

/// <summary>Runs evaluation questions through an answerer.</summary>
public static class KnowledgeEvaluator
{
    public static EvaluationReport Run(IKnowledgeAnswerer answerer, IEnumerable<EvaluationCase> cases) =>
        new(cases.Select(c => Evaluate(answerer, c)).ToList());

    public static EvaluationOutcome Evaluate(IKnowledgeAnswerer answerer, EvaluationCase evaluationCase) =>
        Outcome(evaluationCase, answerer.Ask(evaluationCase.Question));

    /// <summary>The outcome of one question, whatever produced the answer (the lexical answerer or the Azure OpenAI assistant).</summary>
    public static EvaluationOutcome Outcome(EvaluationCase evaluationCase, KnowledgeAnswer answer)
    {
        var entryId = answer.Decision is AnswerDecision.Answer or AnswerDecision.Clarify ? answer.Entry?.Id : null;
        return new EvaluationOutcome(evaluationCase, answer.Decision, entryId, answer.Confidence, [.. answer.Options.Select(e => e.Id)]);
    }
}
