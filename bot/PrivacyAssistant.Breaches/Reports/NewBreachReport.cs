namespace PrivacyAssistant.Breaches.Reports;

/// <summary>A validated report, ready to be stored.</summary>
public sealed record NewBreachReport(
    BreachKind Kind,
    DateTimeOffset OccurredAt,
    bool OccurredTimeKnown,
    DateTimeOffset DiscoveredAt,
    IReadOnlyList<DataCategory> Categories,
    IReadOnlyList<AffectedGroup> Groups,
    AffectedCount Count,
    Protection Protection,
    string? Measures,
    string Description,
    Reporter Reporter);
