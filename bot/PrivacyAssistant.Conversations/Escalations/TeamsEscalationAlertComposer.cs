using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// The privacy desk's Teams alerts for a forwarded question and for an answer that could not be
/// delivered (channel <c>teams</c>, when <c>Notifications:Teams:Enabled</c>): one row per officer,
/// like the breach alerts. They name the reference and language, not the question or the answer: a
/// Teams chat keeps messages beyond our retention, and the officer reads both in the list the button opens.
/// </summary>
public sealed class TeamsEscalationAlertComposer(EscalationDeskCards cards, IOptions<NotificationsOptions> notifications, IOptions<BreachesOptions> breaches) : IEscalationNotificationComposer
{
    public string Channel => TeamsProactiveChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(Escalation escalation) =>
        ToOfficers(IEscalationNotificationComposer.EscalatedType, escalation.Reference, cards.Alert(breaches.Value.NotificationLanguage, escalation));

    public IEnumerable<OutboxMessage> ComposeUndelivered(Escalation escalation) =>
        ToOfficers(IEscalationNotificationComposer.UndeliveredType, escalation.Reference, cards.UndeliveredAlert(breaches.Value.NotificationLanguage, escalation));

    private IEnumerable<OutboxMessage> ToOfficers(string type, string reference, (JsonObject Card, string Summary) alert)
    {
        var recipients = notifications.Value.Teams.Recipients.Count > 0 ? notifications.Value.Teams.Recipients : breaches.Value.Officers;
        foreach (var recipient in recipients.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return new OutboxMessage(Channel, type, reference, new TeamsNotificationPayload(recipient, alert.Card, alert.Summary).ToPayload());
        }
    }
}
