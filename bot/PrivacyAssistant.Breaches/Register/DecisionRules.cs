using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Register;

/// <summary>What a decision needs before it can go in the register.</summary>
public static class DecisionRules
{
    public static IReadOnlyList<FieldProblem> Check(BreachReport report, BreachDecision decision, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        if (report.IsClosed)
        {
            problems.Add(new FieldProblem(DecisionFields.Reference, "already-closed"));
            return problems;
        }

        switch (decision)
        {
            case ApDecision ap:
                if (!ap.Notified && string.IsNullOrWhiteSpace(ap.Reason))
                {
                    problems.Add(new FieldProblem(DecisionFields.ApReason, "reason-required"));
                }

                if (ap.Notified && ap.NotifiedAt > now + SchoolTime.ClockSkew)
                {
                    problems.Add(new FieldProblem(DecisionFields.ApNotifiedDate, "in-future"));
                }

                // Art. 33(1): a notification after the 72 hours is accompanied by the reasons for the
                // delay. Without a date the register stores "now", so that is what is compared.
                if (ap.Notified && (ap.NotifiedAt ?? now) > report.Deadline && string.IsNullOrWhiteSpace(ap.Reason))
                {
                    problems.Add(new FieldProblem(DecisionFields.ApReason, "late-reason-required"));
                }

                Length(ap.Reason, DecisionFields.ApReason, problems);
                Length(ap.ApReference, DecisionFields.ApReference, problems, DecisionFields.ApReferenceMaxLength);
                break;
            case SubjectsDecision subjects:
                if (!subjects.Informed && string.IsNullOrWhiteSpace(subjects.Reason))
                {
                    problems.Add(new FieldProblem(DecisionFields.SubjectsReason, "reason-required"));
                }

                Length(subjects.Reason, DecisionFields.SubjectsReason, problems);
                break;
            case MeasuresDecision measures:
                if (string.IsNullOrWhiteSpace(measures.Consequences) && string.IsNullOrWhiteSpace(measures.RemedialActions))
                {
                    problems.Add(new FieldProblem(DecisionFields.RemedialActions, "required"));
                }

                Length(measures.Consequences, DecisionFields.Consequences, problems);
                Length(measures.RemedialActions, DecisionFields.RemedialActions, problems);
                break;
            case DiscoveryDecision discovery:
                // The same slack as the report form: up to 5 minutes ahead is clock skew.
                if (discovery.DiscoveredAt > now + SchoolTime.ClockSkew)
                {
                    problems.Add(new FieldProblem(DecisionFields.DiscoveryDate, "in-future"));
                }
                else if (discovery.DiscoveredAt < report.OccurredAt)
                {
                    // The register keeps "happened" no later than "discovered", as the report form
                    // does. A date-only occurrence is the start of its day at school, so any time on
                    // that day passes and only an earlier day is refused.
                    problems.Add(new FieldProblem(DecisionFields.DiscoveryDate, "discovered-before-occurred"));
                }

                // Moving the start of the 72 hours changes what the school is judged against: say why.
                if (string.IsNullOrWhiteSpace(discovery.Reason))
                {
                    problems.Add(new FieldProblem(DecisionFields.DiscoveryReason, "reason-required"));
                }

                Length(discovery.Reason, DecisionFields.DiscoveryReason, problems);
                break;
            case CloseDecision:
                if (report.ApNotified is null)
                {
                    problems.Add(new FieldProblem(DecisionFields.ApNotified, "decision-required"));
                }

                if (report.SubjectsInformed is null)
                {
                    problems.Add(new FieldProblem(DecisionFields.SubjectsInformed, "decision-required"));
                }

                if (string.IsNullOrWhiteSpace(report.RemedialActions))
                {
                    problems.Add(new FieldProblem(DecisionFields.RemedialActions, "decision-required"));
                }

                break;
        }

        return problems;
    }

    private static void Length(string? value, string field, List<FieldProblem> problems, int max = DecisionFields.TextMaxLength)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add(new FieldProblem(field, "too-long", max));
        }
    }
}
