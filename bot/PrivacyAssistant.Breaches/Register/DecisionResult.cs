using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Register;

/// <summary>The updated report, or the problems that kept the decision from being recorded.</summary>
public sealed record DecisionResult(BreachReport? Report, IReadOnlyList<FieldProblem> Problems)
{
    public bool Recorded => Problems.Count == 0 && Report is not null;
}
