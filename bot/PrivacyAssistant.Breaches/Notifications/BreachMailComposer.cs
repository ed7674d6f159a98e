using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Breaches.Texts;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Breaches.Notifications;

/// <summary>
/// The privacy desk's e-mail, from the HTML templates beside this file. It carries what the desk
/// needs to act on the clock (reference, kind, discovery, deadline, kinds of data, whose, roughly
/// how many, protection, the risk hint) and deliberately not the free-text description, the
/// measures text or the reporter's name: mail is copied, forwarded and kept outside our
/// retention, while the details stay in the register, shown to officers in Teams.
/// </summary>
public sealed class BreachMailComposer(IOptions<BreachesOptions> options) : IBreachNotificationComposer
{
    public string Channel => GraphMailChannel.ChannelName;

    public IEnumerable<OutboxMessage> Compose(BreachNotificationKind kind, BreachReport report)
    {
        var settings = options.Value;
        var texts = BreachTexts.For(settings.NotificationLanguage);
        var template = Template(kind == BreachNotificationKind.Reported ? "breach-reported" : "decision-overdue", texts.Language);
        var zone = settings.Zone();
        var culture = CultureInfo.GetCultureInfo(texts.Language == "en" ? "en-GB" : "nl-NL");
        string When(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, zone).ToString("dddd d MMMM yyyy HH:mm", culture);

        var openInTeams = texts.Language == "en"
            ? $"Open Privacy Assistant in Teams and type <b>breach {report.Reference}</b> for the details."
            : $"Open Privacy Assistant in Teams en typ <b>datalek {report.Reference}</b> voor de details.";
        if (settings.TeamsLink is { Length: > 0 } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            openInTeams += $" <a href=\"{WebUtility.HtmlEncode(uri.AbsoluteUri)}\">Privacy Assistant</a>";
        }

        var values = new Dictionary<string, string>
        {
            ["reference"] = report.Reference,
            ["kind"] = texts.Kinds[Codes.Of(report.Kind)],
            ["discovered"] = When(report.DiscoveredAt),
            ["deadline"] = When(report.Deadline),
            ["categories"] = string.Join(", ", report.Categories.Select(category => texts.Categories[Codes.Of(category)])),
            ["groups"] = string.Join(", ", report.Groups.Select(group => texts.Groups[Codes.Of(group)])),
            ["count"] = texts.Counts[Codes.Of(report.Count)].ToLower(culture),
            ["protection"] = texts.Protection[Codes.Of(report.Protection)],
            ["riskHintLabel"] = texts.RiskHintLabel,
            ["riskHint"] = report.RiskHint.Describe(texts),
        };

        var subject = Fill(template.Subject, values, html: false);
        var body = Fill(template.Body, values, html: true).Replace("{{openInTeams}}", openInTeams, StringComparison.Ordinal);
        yield return new OutboxMessage(Channel, TypeOf(kind), report.Reference, new MailContent(subject, body).ToPayload());
    }

    public static string TypeOf(BreachNotificationKind kind) => kind == BreachNotificationKind.Reported ? "breach.reported" : "breach.overdue";

    private static string Fill(string template, Dictionary<string, string> values, bool html)
    {
        foreach (var (key, value) in values)
        {
            template = template.Replace("{{" + key + "}}", html ? WebUtility.HtmlEncode(value) : value, StringComparison.Ordinal);
        }

        return template;
    }

    private static (string Subject, string Body) Template(string name, string language)
    {
        var resource = $"PrivacyAssistant.Breaches.Notifications.{name}.{language}.html";
        using var stream = typeof(BreachMailComposer).Assembly.GetManifestResourceStream(resource)
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
