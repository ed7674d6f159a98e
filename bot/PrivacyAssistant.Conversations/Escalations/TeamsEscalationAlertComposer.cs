using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// The privacy desk's Teams alert for a forwarded question (channel <c>teams</c>, when
/// <c>Notifications:Teams:Enabled</c>): one row per officer, like the breach alerts. It names the
/// reference and language, not the question: a Teams chat keeps messages beyond our retention, and
/// the officer reads the question in the list the button opens.
/// </summary>
public sealed class TeamsEscalationAlertComposer(EscalationDeskCards cards, IOptions<NotificationsOptions> notifications, IOptions<BreachesOptions> breaches) : IEscalationNotificationComposer
{
    public string Channel => TeamsProactiveChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(Escalation escalation)
    {
        var recipients = notifications.Value.Teams.Recipients.Count > 0 ? notifications.Value.Teams.Recipients : breaches.Value.Officers;
        var (card, summary) = cards.Alert(breaches.Value.NotificationLanguage, escalation);
        foreach (var recipient in recipients.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return new OutboxMessage(Channel, EscalationMailComposer.Type, escalation.Reference, new TeamsNotificationPayload(recipient, card, summary).ToPayload());
        }
    }
}
