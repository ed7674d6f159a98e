namespace PrivacyAssistant.Knowledge.Evaluation;

/// <summary>The outcome of an evaluation run.</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationOutcome> Outcomes)
{
    public int Passed => Outcomes.Count(o => o.Passed);

    public int Failed => Outcomes.Count - Passed;

    public double Accuracy => Outcomes.Count == 0 ? 0 : (double)Passed / Outcomes.Count;

    public int Clarified => Outcomes.Count(o => o.Decision == Answering.AnswerDecision.Clarify);

    public int ConfidentOffTopic => Outcomes.Count(o => o.ConfidentOffTopic);

    /// <summary>How many questions failed for each reason, every class in declaration order (zeros included, so the shape is stable).</summary>
    public IReadOnlyList<(FailureClass Class, int Count)> FailureClasses =>
        Enum.GetValues<FailureClass>().Select(c => (c, Outcomes.Count(o => o.Failure == c))).ToList();

    /// <summary>(expected, got) pairs of the failures with their counts, most frequent first.</summary>
    public IReadOnlyList<(string Expected, string Got, int Count)> Confusions =>
        Outcomes.Where(o => !o.Passed)
            .GroupBy(o => (o.Case.Expected, Got: o.Got.Replace(" (clarify)", "", StringComparison.Ordinal)))
            .Select(g => (g.Key.Expected, g.Key.Got, g.Count()))
            .OrderByDescending(c => c.Item3)
            .ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ToList();
}
