using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Breaches.Notifications;

/// <summary>
/// Renders the outbox message(s) one channel sends for a breach event. The mail composer lives
/// here; the Teams composer (an Adaptive Card) lives in the Conversations layer. Composers whose
/// channel is not configured are skipped.
/// </summary>
public interface IBreachNotificationComposer
{
    string Channel { get; }

    IEnumerable<OutboxMessage> Compose(BreachNotificationKind kind, BreachReport report);
}
