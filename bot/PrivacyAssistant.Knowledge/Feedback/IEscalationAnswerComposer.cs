using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Renders the outbox message that brings the desk's answer to the asker (the conversation layer
/// knows how: a proactive Teams message). Written in the same transaction that marks the question
/// answered, so the answer is sent once and only if it was recorded.
/// </summary>
public interface IEscalationAnswerComposer
{
    /// <summary>The outbox type of the answer message; when the outbox abandons one, the question becomes <see cref="EscalationStatus.Undelivered"/>.</summary>
    public const string MessageType = "knowledge.answered";

    string Channel { get; }

    /// <param name="escalation">The answered question (with <see cref="Escalation.Answer"/>).</param>
    /// <param name="replyTo">The address stored with the question (<see cref="EscalationRequest.ReplyTo"/>).</param>
    /// <returns>A message of type <see cref="MessageType"/> with the reference as correlation.</returns>
    OutboxMessage Compose(Escalation escalation, string replyTo);
}
