namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>An outbox row the dispatcher gave up on (log-safe fields only; no payload).</summary>
/// <param name="Id">The outbox row id.</param>
/// <param name="Channel">The channel it was for.</param>
/// <param name="Type">What it announced (e.g. <c>knowledge.answered</c>).</param>
/// <param name="Correlation">The business reference it carries (e.g. <c>VR-2026-0001</c>).</param>
/// <param name="ErrorCode">The last delivery error.</param>
public sealed record AbandonedMessage(long Id, string Channel, string Type, string Correlation, string ErrorCode);
