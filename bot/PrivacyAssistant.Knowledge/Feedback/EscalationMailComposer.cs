using System.Net;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// The privacy desk's e-mail for an escalated question (template beside this file). It carries the
/// question text because the asker consented to share it with the desk, and the asker's display
/// name only when they asked to be contacted. Everything typed is HTML-encoded.
/// </summary>
public sealed class EscalationMailComposer : IEscalationNotificationComposer
{
    public const string Type = "knowledge.escalated";

    private static readonly Lazy<(string Subject, string Body)> Template = new(() => Load("question-escalated.nl.html"));

    public string Channel => GraphMailChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(Escalation escalation)
    {
        var values = new Dictionary<string, string>
        {
            ["reference"] = escalation.Reference,
            ["question"] = escalation.Question,
            ["language"] = escalation.Language == KnowledgeLanguage.English ? "Engels" : "Nederlands",
            ["bestEntry"] = escalation.BestEntryId ?? "—",
            ["contact"] = string.IsNullOrWhiteSpace(escalation.ContactName)
                ? "Niet gevraagd: de vraagsteller blijft anoniem."
                : escalation.ContactName.Trim() + " wil graag contact (zoek de naam op in Teams).",
        };

        var (subjectTemplate, bodyTemplate) = Template.Value;
        var subject = subjectTemplate.Replace("{{reference}}", escalation.Reference, StringComparison.Ordinal);
        var body = bodyTemplate;
        foreach (var (key, value) in values)
        {
            body = body.Replace("{{" + key + "}}", WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        yield return new OutboxMessage(Channel, Type, escalation.Reference, new MailContent(subject, body).ToPayload());
    }

    private static (string Subject, string Body) Load(string name)
    {
        var resource = $"PrivacyAssistant.Knowledge.Feedback.{name}";
        using var stream = typeof(EscalationMailComposer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Mail template {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        var first = reader.ReadLine() ?? string.Empty;
        if (!first.StartsWith("Subject: ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Mail template {resource} must start with a 'Subject: ' line.");
        }

        return (first["Subject: ".Length..], reader.ReadToEnd().Trim());
    }
}
