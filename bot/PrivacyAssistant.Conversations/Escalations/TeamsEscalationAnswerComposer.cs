using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>The desk's answer as a proactive message into the conversation the question came from, in the asker's language.</summary>
public sealed class TeamsEscalationAnswerComposer(EscalationDeskCards cards) : IEscalationAnswerComposer
{
    public const string Type = IEscalationAnswerComposer.MessageType;

    public string Channel => TeamsReplyChannel.ChannelName;

    public OutboxMessage Compose(Escalation escalation, string replyTo)
    {
        var (card, summary) = cards.Answer(escalation);
        var payload = new TeamsReplyPayload(EscalationReplyAddress.FromJson(replyTo), card, summary, FaqCards.LanguageCode(escalation.Language));
        return new OutboxMessage(Channel, Type, escalation.Reference, payload.ToPayload());
    }
}
