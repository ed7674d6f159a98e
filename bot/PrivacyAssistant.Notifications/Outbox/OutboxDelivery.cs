namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>A claimed outbox row handed to a channel. <see cref="Id"/> is stable across retries (use it for de-duplication).</summary>
public sealed record OutboxDelivery(long Id, string Channel, string Type, string Correlation, string Payload, int Attempt, DateTimeOffset CreatedAt);
