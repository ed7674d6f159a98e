using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Renders the outbox message(s) one channel sends to the privacy desk about a forwarded question
/// (same mechanism as the breach notifications). Composers whose channel is not configured are
/// skipped.
/// </summary>
public interface IEscalationNotificationComposer
{
    /// <summary>Outbox type of the alert that a question was forwarded.</summary>
    const string EscalatedType = "knowledge.escalated";

    /// <summary>Outbox type of the alert that the desk's answer could not be delivered.</summary>
    const string UndeliveredType = "knowledge.undelivered";

    string Channel { get; }

    /// <summary>A question was forwarded to the desk.</summary>
    IEnumerable<OutboxMessage> Compose(Escalation escalation);

    /// <summary>
    /// The desk's answer to <paramref name="escalation"/> could not be delivered to the asker: it is
    /// back on the desk's list, and the desk hears so instead of finding out only when it next looks.
    /// </summary>
    IEnumerable<OutboxMessage> ComposeUndelivered(Escalation escalation);
}
