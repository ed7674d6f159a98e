using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Breaches.Risk;

namespace PrivacyAssistant.Breaches.Register;

/// <summary>
/// One entry of the breach register (art. 33(5)): the reporter's facts plus the officer's record
/// of effects, remedial action and decisions. <c>null</c> decisions are still open.
/// </summary>
public sealed record BreachReport
{
    public required long Id { get; init; }

    public required string Reference { get; init; }

    public required BreachKind Kind { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required bool OccurredTimeKnown { get; init; }

    public required DateTimeOffset DiscoveredAt { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    public required IReadOnlyList<DataCategory> Categories { get; init; }

    public required IReadOnlyList<AffectedGroup> Groups { get; init; }

    public required AffectedCount Count { get; init; }

    public required Protection Protection { get; init; }

    public string? Measures { get; init; }

    public required string Description { get; init; }

    public required Reporter Reporter { get; init; }

    /// <summary>Likely consequences (the "effects" of art. 33(5)).</summary>
    public string? Consequences { get; init; }

    /// <summary>Remedial action taken or proposed by the school.</summary>
    public string? RemedialActions { get; init; }

    public bool? ApNotified { get; init; }

    public DateTimeOffset? ApNotifiedAt { get; init; }

    public string? ApReference { get; init; }

    public string? ApReason { get; init; }

    public bool? SubjectsInformed { get; init; }

    public string? SubjectsReason { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? FlaggedAt { get; init; }

    /// <summary>GDPR art. 33(1): 72 hours after the school became aware.</summary>
    public DateTimeOffset Deadline => BreachDeadlines.DeadlineFor(DiscoveredAt);

    public bool IsClosed => ClosedAt is not null;

    public bool HasApDecision => ApNotified is not null;

    public RiskHint RiskHint => BreachRiskAssessor.Assess(Kind, Categories, Count, Protection);
}
