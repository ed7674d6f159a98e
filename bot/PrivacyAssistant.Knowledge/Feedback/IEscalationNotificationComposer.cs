using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Renders the outbox message(s) one channel sends when a question is escalated to the privacy
/// desk (same mechanism as the breach notifications). Composers whose channel is not configured
/// are skipped.
/// </summary>
public interface IEscalationNotificationComposer
{
    string Channel { get; }

    IEnumerable<OutboxMessage> Compose(Escalation escalation);
}
