using System.Net;
using System.Text.Json.Nodes;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// The privacy desk's e-mails about a forwarded question (templates beside this file, one per
/// language; the asker's language decides, so the desk sees at once in which language to answer).
/// The forwarding mail carries the question text because the asker consented to share it with the
/// desk, and the asker's display name only when they asked to be contacted; the undelivered-answer
/// mail carries neither (the desk reads both in its list). Everything typed is HTML-encoded.
/// </summary>
public sealed class EscalationMailComposer : IEscalationNotificationComposer
{
    public const string Type = IEscalationNotificationComposer.EscalatedType;

    private static readonly Lazy<IReadOnlyDictionary<KnowledgeLanguage, MailTemplate>> Escalated = new(() => MailTemplate.LoadBoth("question-escalated"));

    private static readonly Lazy<IReadOnlyDictionary<KnowledgeLanguage, MailTemplate>> Undelivered = new(() => MailTemplate.LoadBoth("answer-undelivered"));

    public string Channel => GraphMailChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(Escalation escalation)
    {
        var template = Escalated.Value[escalation.Language];
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

        yield return new OutboxMessage(Channel, Type, escalation.Reference, template.Fill(escalation.Reference, values).ToPayload());
    }

    public IEnumerable<OutboxMessage> ComposeUndelivered(Escalation escalation)
    {
        var template = Undelivered.Value[escalation.Language];
        var values = new Dictionary<string, string>
        {
            ["reference"] = escalation.Reference,
            ["contact"] = template.Text(string.IsNullOrWhiteSpace(escalation.ContactName) ? "anonymous" : "contact"),
        };
        yield return new OutboxMessage(Channel, IEscalationNotificationComposer.UndeliveredType, escalation.Reference, template.Fill(escalation.Reference, values).ToPayload());
    }

    private sealed record MailTemplate(string Name, string Subject, string Body, JsonObject Strings)
    {
        public string Text(string key) =>
            Strings[key]?.GetValue<string>() ?? throw new InvalidOperationException($"{Name}.strings.json has no '{key}'.");

        public MailContent Fill(string reference, IReadOnlyDictionary<string, string> values)
        {
            var body = Body;
            foreach (var (key, value) in values)
            {
                body = body.Replace("{{" + key + "}}", WebUtility.HtmlEncode(value), StringComparison.Ordinal);
            }

            return new MailContent(Subject.Replace("{{reference}}", reference, StringComparison.Ordinal), body);
        }

        public static IReadOnlyDictionary<KnowledgeLanguage, MailTemplate> LoadBoth(string name) => new Dictionary<KnowledgeLanguage, MailTemplate>
        {
            [KnowledgeLanguage.Dutch] = Load(name, "nl"),
            [KnowledgeLanguage.English] = Load(name, "en"),
        };

        private static MailTemplate Load(string name, string language)
        {
            using var reader = new StreamReader(Open($"{name}.{language}.html"));
            var first = reader.ReadLine() ?? string.Empty;
            if (!first.StartsWith("Subject: ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Mail template {name}.{language}.html must start with a 'Subject: ' line.");
            }

            var body = reader.ReadToEnd().Trim();
            using var strings = Open($"{name}.strings.json");
            var table = JsonNode.Parse(strings)?[language] as JsonObject
                ?? throw new InvalidOperationException($"{name}.strings.json has no '{language}' texts.");
            return new MailTemplate(name, first["Subject: ".Length..], body, table);
        }

        private static Stream Open(string name)
        {
            var resource = $"PrivacyAssistant.Knowledge.Feedback.{name}";
            return typeof(EscalationMailComposer).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Mail template {resource} is not embedded.");
        }
    }
}
