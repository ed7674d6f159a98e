namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>An outbox row as stored (for status pages and tests).</summary>
public sealed record OutboxEntry(
    long Id,
    string Channel,
    string Type,
    string Correlation,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    string? Receipt,
    string? LastError);
