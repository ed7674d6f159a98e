namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>
/// One notification for one channel. <paramref name="Correlation"/> is log-safe (e.g. a breach
/// reference number); <paramref name="Payload"/> is the channel's rendered content (JSON), already
/// stripped to what the recipient needs.
/// </summary>
public sealed record OutboxMessage(string Channel, string Type, string Correlation, string Payload);
