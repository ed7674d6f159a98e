using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>The officers' Teams alert for a new or overdue report: the same facts as the desk mail, as a card with a "view" button.</summary>
public sealed class TeamsBreachComposer(BreachCards cards, IOptions<NotificationsOptions> notifications, IOptions<BreachesOptions> breaches) : IBreachNotificationComposer
{
    public string Channel => TeamsProactiveChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(BreachNotificationKind kind, BreachReport report)
    {
        var recipients = notifications.Value.Teams.Recipients.Count > 0 ? notifications.Value.Teams.Recipients : breaches.Value.Officers;
        var language = breaches.Value.NotificationLanguage;
        var card = cards.Alert(language, kind, report);
        var summary = card["speak"]?.ToString() ?? report.Reference;
        foreach (var recipient in recipients.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            yield return new OutboxMessage(Channel, BreachMailComposer.TypeOf(kind), report.Reference, new TeamsNotificationPayload(recipient.Trim(), card, summary).ToPayload());
        }
    }
}
