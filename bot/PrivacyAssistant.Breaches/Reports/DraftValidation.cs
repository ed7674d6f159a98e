namespace PrivacyAssistant.Breaches.Reports;

/// <summary>The outcome of validating a <see cref="BreachReportDraft"/>: a report or problems, never both.</summary>
public sealed record DraftValidation(NewBreachReport? Report, IReadOnlyList<FieldProblem> Problems)
{
    public bool IsValid => Report is not null;
}
