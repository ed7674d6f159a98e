using System.Net;
using System.Text.Json.Nodes;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// The privacy desk's e-mail for an escalated question (templates beside this file, one per
/// language; the asker's language decides, so the desk sees at once in which language to answer).
/// It carries the question text because the asker consented to share it with the desk, and the
/// asker's display name only when they asked to be contacted. Everything typed is HTML-encoded.
/// </summary>
public sealed class EscalationMailComposer : IEscalationNotificationComposer
{
    public const string Type = "knowledge.escalated";

    private static readonly Lazy<IReadOnlyDictionary<KnowledgeLanguage, MailTemplate>> Templates = new(() => new Dictionary<KnowledgeLanguage, MailTemplate>
    {
        [KnowledgeLanguage.Dutch] = MailTemplate.Load("nl"),
        [KnowledgeLanguage.English] = MailTemplate.Load("en"),
    });

    public string Channel => GraphMailChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(Escalation escalation)
    {
        var template = Templates.Value[escalation.Language];
        var values = new Dictionary<string, string>
        {
            ["reference"] = escalation.Reference,
            ["question"] = escalation.Question,
            ["language"] = template.Text(escalation.Language == KnowledgeLanguage.English ? "english" : "dutch"),
            ["bestEntry"] = escalation.BestEntryId ?? "—",
            ["contact"] = string.IsNullOrWhiteSpace(escalation.ContactName)
                ? template.Text("anonymous")
                : template.Text("contact").Replace("{{name}}", escalation.ContactName.Trim(), StringComparison.Ordinal),
        };

        var subject = template.Subject.Replace("{{reference}}", escalation.Reference, StringComparison.Ordinal);
        var body = template.Body;
        foreach (var (key, value) in values)
        {
            body = body.Replace("{{" + key + "}}", WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        yield return new OutboxMessage(Channel, Type, escalation.Reference, new MailContent(subject, body).ToPayload());
    }

    private sealed record MailTemplate(string Subject, string Body, JsonObject Strings)
    {
        public string Text(string key) =>
            Strings[key]?.GetValue<string>() ?? throw new InvalidOperationException($"question-escalated.strings.json has no '{key}'.");

        public static MailTemplate Load(string language)
        {
            using var reader = new StreamReader(Open($"question-escalated.{language}.html"));
            var first = reader.ReadLine() ?? string.Empty;
            if (!first.StartsWith("Subject: ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Mail template question-escalated.{language}.html must start with a 'Subject: ' line.");
            }

            var body = reader.ReadToEnd().Trim();
            using var strings = Open("question-escalated.strings.json");
            var table = JsonNode.Parse(strings)?[language] as JsonObject
                ?? throw new InvalidOperationException($"question-escalated.strings.json has no '{language}' texts.");
            return new MailTemplate(first["Subject: ".Length..], body, table);
        }

        private static Stream Open(string name)
        {
            var resource = $"PrivacyAssistant.Knowledge.Feedback.{name}";
            return typeof(EscalationMailComposer).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Mail template {resource} is not embedded.");
        }
    }
}
