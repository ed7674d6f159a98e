using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Breaches.Texts;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>Turns breach records into the data of the <c>Cards/Breaches/*</c> templates.</summary>
public sealed class BreachCards(CardLibrary cards, IOptions<BreachesOptions> options, TimeProvider timeProvider)
{
    public const string MessagesTable = "Breaches";

    // The fresh forms by language and whether they name the reporter; null marks one that cannot be prebound.
    private readonly ConcurrentDictionary<(string Language, bool Named), PreboundBreachForm?> _freshForms = new();

    public string Text(string key, string language, object? data = null) => cards.Text(MessagesTable, key, language, data);

    public string Summary(string card, string language, object? data = null) => cards.Text(card, "summary", language, data);

    /// <summary>The report form; <paramref name="values"/> and <paramref name="problems"/> when it comes back after an invalid submit.</summary>
    public JsonObject Form(string language, string submissionId, string? reporterName, BreachReportDraft? values = null, IReadOnlyList<FieldProblem>? problems = null, string? preselectKind = null)
    {
        var now = timeProvider.GetUtcNow();
        var today = Day(now, "iso");
        values ??= new BreachReportDraft
        {
            // Most reports are made right after the discovery: propose now, the reporter corrects it.
            DiscoveredDate = today,
            DiscoveredTime = Clock(now),
            Kind = preselectKind is not null && Codes.TryParse<BreachKind>(preselectKind, out _) ? preselectKind : null,
        };
        return BindForm(language, submissionId, reporterName, values, problems, today);
    }

    /// <summary>
    /// The fresh form of "datalek melden" (<see cref="Form"/> without values, problems or kind) as a message with
    /// its spoken summary, the same bytes as <see cref="Form"/>: bound once per language and whether it names the
    /// reporter, with the submission id, today's date and time and the "reporting as" text filled in per turn
    /// (<see cref="PreboundBreachForm"/>), instead of a node tree per turn (≈ 8 % of a turn's garbage under load).
    /// </summary>
    public Activity FormMessage(string language, string submissionId, string? reporterName)
    {
        var named = !string.IsNullOrWhiteSpace(reporterName);
        var prebound = language is BotLanguage.Dutch or BotLanguage.English
            ? _freshForms.GetOrAdd((language, named), static (key, self) => self.PrebindForm(key.Language, key.Named), this)
            : null;
        if (prebound is null)
        {
            var card = Form(language, submissionId, reporterName);
            return MessageFactory.Card(card, card["speak"]?.ToString());
        }

        var now = timeProvider.GetUtcNow();
        return MessageFactory.Card(
            prebound.With(submissionId, Day(now, "iso"), Clock(now), reporterName),
            prebound.Summary);
    }

    private PreboundBreachForm? PrebindForm(string language, bool named)
    {
        var date = PreboundBreachForm.DateMarker;
        var values = new BreachReportDraft { DiscoveredDate = date, DiscoveredTime = PreboundBreachForm.TimeMarker };
        return PreboundBreachForm.TryCreate(
            BindForm(language, PreboundBreachForm.SubmissionIdMarker, named ? PreboundBreachForm.NameSentinel : null, values, null, date));
    }

    private JsonObject BindForm(string language, string submissionId, string? reporterName, BreachReportDraft values, IReadOnlyList<FieldProblem>? problems, string today)
    {
        var texts = BreachTexts.For(language);
        var problemTexts = new JsonObject();
        foreach (var problem in problems ?? [])
        {
            problemTexts[problem.Field] ??= texts.Problem(problem);
        }

        var data = new JsonObject
        {
            ["submissionId"] = submissionId,
            ["reporterName"] = string.IsNullOrWhiteSpace(reporterName) ? null : reporterName,
            ["today"] = today,
            ["hasProblems"] = problemTexts.Count > 0,
            ["problems"] = problemTexts,
            ["values"] = new JsonObject
            {
                [BreachReportDraft.Fields.Kind] = values.Kind,
                [BreachReportDraft.Fields.OccurredDate] = values.OccurredDate,
                [BreachReportDraft.Fields.OccurredTime] = values.OccurredTime,
                [BreachReportDraft.Fields.DiscoveredDate] = values.DiscoveredDate,
                [BreachReportDraft.Fields.DiscoveredTime] = values.DiscoveredTime,
                [BreachReportDraft.Fields.Categories] = values.Categories,
                [BreachReportDraft.Fields.Groups] = values.Groups,
                [BreachReportDraft.Fields.Count] = values.Count,
                [BreachReportDraft.Fields.Protection] = values.Protection,
                [BreachReportDraft.Fields.Measures] = values.Measures,
                [BreachReportDraft.Fields.Description] = values.Description,
            },
            ["choices"] = new JsonObject
            {
                ["kinds"] = Choices<BreachKind>(texts.Kinds),
                ["categories"] = Choices<DataCategory>(texts.Categories),
                ["groups"] = Choices<AffectedGroup>(texts.Groups),
                ["counts"] = Choices<AffectedCount>(texts.Counts),
                ["protection"] = Choices<Protection>(texts.Protection),
            },
        };
        return cards.Render("BreachForm", language, data);
    }

    public JsonObject Confirmation(string language, BreachReport report)
    {
        var texts = BreachTexts.For(language);
        var data = new JsonObject
        {
            ["reference"] = report.Reference,
            ["kind"] = texts.Kinds[Codes.Of(report.Kind)],
            ["discovered"] = When(report.DiscoveredAt, language),
            ["advice"] = new JsonArray(texts.Advice[Codes.Of(report.Kind)].Select(line => (JsonNode?)line).ToArray()),
            ["nextSteps"] = new JsonArray(texts.NextSteps.Select(line => (JsonNode?)line).ToArray()),
        };
        return cards.Render("BreachConfirmation", language, data);
    }

    /// <summary>Open reports for officers (with the countdown), or a reporter's own reports.</summary>
    public JsonObject List(string language, IReadOnlyList<BreachReport> reports, bool isOfficer)
    {
        var texts = BreachTexts.For(language);
        var items = new JsonArray();
        foreach (var report in reports)
        {
            var (status, color) = Status(report, language, isOfficer);
            items.Add(new JsonObject
            {
                ["reference"] = report.Reference,
                ["kind"] = texts.Kinds[Codes.Of(report.Kind)],
                ["discovered"] = When(report.DiscoveredAt, language),
                ["status"] = status,
                ["statusColor"] = color,
            });
        }

        var data = new JsonObject
        {
            ["title"] = Text(isOfficer ? "openTitle" : "mineTitle", language),
            ["items"] = items,
            ["isOfficer"] = isOfficer,
        };
        return cards.Render("BreachList", language, data);
    }

    /// <summary>One report. Officers see the register part and the decision forms; reporters only their facts.</summary>
    public JsonObject Detail(
        string language,
        BreachReport report,
        IReadOnlyList<DecisionEntry> trail,
        bool isOfficer,
        IReadOnlyList<FieldProblem>? problems = null,
        JsonObject? form = null,
        string? message = null)
    {
        var texts = BreachTexts.For(language);
        var (status, color) = Status(report, language, isOfficer);
        var problemTexts = new JsonObject();
        foreach (var problem in problems ?? [])
        {
            problemTexts[problem.Field] ??= texts.Problem(problem);
        }

        string YesNo(bool? value) => Text(value switch { true => "yes", false => "no", null => "undecided" }, language);
        var facts = new JsonArray
        {
            Fact(Text("factOccurred", language), report.OccurredTimeKnown ? When(report.OccurredAt, language) : Day(report.OccurredAt, language)),
            Fact(Text("factDiscovered", language), When(report.DiscoveredAt, language)),
            Fact(Text("factDeadline", language), When(report.Deadline, language)),
            Fact(Text("factCategories", language), string.Join(", ", report.Categories.Select(c => texts.Categories[Codes.Of(c)]))),
            Fact(Text("factGroups", language), string.Join(", ", report.Groups.Select(g => texts.Groups[Codes.Of(g)]))),
            Fact(Text("factCount", language), texts.Counts[Codes.Of(report.Count)]),
            Fact(Text("factProtection", language), texts.Protection[Codes.Of(report.Protection)]),
        };
        if (isOfficer)
        {
            facts.Add(Fact(Text("factReporter", language), MarkdownText.Escape(report.Reporter.Name)));
            facts.Add(Fact(Text("factReported", language), When(report.ReportedAt, language)));
        }

        var register = new JsonArray
        {
            Fact(Text("factApNotified", language), YesNo(report.ApNotified)
                + (report.ApNotifiedAt is { } at ? " · " + When(at, language) : string.Empty)
                + (report.ApReference is { } apRef ? " · " + MarkdownText.Escape(apRef) : string.Empty)),
            Fact(Text("factApReason", language), Escaped(report.ApReason)),
            Fact(Text("factSubjects", language), YesNo(report.SubjectsInformed) + (report.SubjectsReason is { } why ? " · " + MarkdownText.Escape(why) : string.Empty)),
            Fact(Text("factConsequences", language), Escaped(report.Consequences)),
            Fact(Text("factRemedial", language), Escaped(report.RemedialActions)),
        };

        var trailItems = new JsonArray(trail.Select(entry => (JsonNode?)new JsonObject
        {
            ["text"] = $"{When(entry.DecidedAt, language)} · {MarkdownText.Escape(entry.Officer.Name)} · {DecisionName(entry, language)}",
        }).ToArray());

        form ??= new JsonObject
        {
            ["apNotified"] = report.ApNotified switch { true => "yes", false => "no", null => null },
            ["apNotifiedDate"] = report.ApNotifiedAt is { } notifiedAt ? Day(notifiedAt, "iso") : null,
            ["apNotifiedTime"] = report.ApNotifiedAt is { } notifiedAtTime ? Clock(notifiedAtTime) : null,
            ["apReference"] = report.ApReference,
            ["apReason"] = report.ApReason,
            ["subjectsInformed"] = report.SubjectsInformed switch { true => "yes", false => "no", null => null },
            ["subjectsReason"] = report.SubjectsReason,
            ["consequences"] = report.Consequences,
            ["remedialActions"] = report.RemedialActions,
            ["discoveryDate"] = Day(report.DiscoveredAt, "iso"),
            ["discoveryTime"] = Clock(report.DiscoveredAt),
            ["discoveryReason"] = null,
        };

        var data = new JsonObject
        {
            ["reference"] = report.Reference,
            ["kind"] = texts.Kinds[Codes.Of(report.Kind)],
            ["status"] = status,
            ["statusColor"] = color,
            ["message"] = message,
            ["hasProblems"] = problemTexts.Count > 0,
            ["problems"] = problemTexts,
            ["facts"] = facts,
            ["description"] = MarkdownText.Escape(report.Description),
            ["measures"] = report.Measures is { } measures ? MarkdownText.Escape(measures) : null,
            ["isOfficer"] = isOfficer,
            ["riskHintLabel"] = texts.RiskHintLabel,
            ["riskHint"] = report.RiskHint.Describe(texts),
            ["register"] = register,
            ["trail"] = isOfficer ? trailItems : new JsonArray(),
            ["canDecide"] = isOfficer && !report.IsClosed,
            ["form"] = form,
            ["today"] = Day(timeProvider.GetUtcNow(), "iso"),
            ["backVerb"] = isOfficer ? BreachVerbs.List : BreachVerbs.Mine,
        };
        return cards.Render("BreachDetail", language, data);
    }

    /// <summary>The proactive Teams card for officers.</summary>
    public JsonObject Alert(string language, BreachNotificationKind kind, BreachReport report)
    {
        var texts = BreachTexts.For(language);
        var data = new JsonObject
        {
            ["title"] = Text(kind == BreachNotificationKind.Reported ? "newReportTitle" : "overdueTitle", language, new { reference = report.Reference }),
            ["titleColor"] = kind == BreachNotificationKind.Reported ? "Default" : "Attention",
            ["reference"] = report.Reference,
            ["kind"] = texts.Kinds[Codes.Of(report.Kind)],
            ["discovered"] = When(report.DiscoveredAt, language),
            ["deadline"] = When(report.Deadline, language),
            ["riskHintLabel"] = texts.RiskHintLabel,
            ["riskHint"] = report.RiskHint.Describe(texts),
        };
        return cards.Render("BreachAlert", language, data);
    }

    private (string Status, string Color) Status(BreachReport report, string language, bool isOfficer)
    {
        if (report.IsClosed)
        {
            return (Text("closed", language), "Default");
        }

        if (!isOfficer)
        {
            return (Text("awaiting", language), "Default");
        }

        if (report.HasApDecision)
        {
            return (Text("decided", language), "Good");
        }

        var remaining = BreachDeadlines.Remaining(report, timeProvider.GetUtcNow());
        if (remaining <= TimeSpan.Zero)
        {
            return (Text("deadlinePassed", language), "Attention");
        }

        var hours = (int)Math.Ceiling(remaining.TotalHours);
        var warning = remaining <= BreachDeadlines.NotificationWindow - TimeSpan.FromHours(options.Value.DeadlineWarningHours);
        return (Text("hoursLeft", language, new { hours }), warning ? "Attention" : "Warning");
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    /// <summary>Free text typed by a person, shown in Markdown (TextBlock, FactSet) literally; "–" when absent.</summary>
    private static string Escaped(string? text) => text is null ? "–" : MarkdownText.Escape(text);

    private string DecisionName(DecisionEntry entry, string language) => entry.Decision switch
    {
        "discovery" => DiscoveryCorrection(entry.Details, language),
        "ap" => Text("decisionAp", language),
        "subjects" => Text("decisionSubjects", language),
        "measures" => Text("decisionMeasures", language),
        "close" => Text("decisionClose", language),
        _ => entry.Decision,
    };

    // The trail shows what a discovery correction replaced, so the officer sees why the deadline moved.
    private string DiscoveryCorrection(string details, string language)
    {
        var json = JsonNode.Parse(details);
        string Moment(string name) => json?[name]?.GetValue<DateTimeOffset>() is { } at ? When(at, language) : "–";
        var reason = json?["reason"]?.GetValue<string>();
        return Text("decisionDiscovery", language, new { previous = Moment("previousDiscoveredAt"), current = Moment("discoveredAt") })
            + (reason is null ? string.Empty : " · " + MarkdownText.Escape(reason));
    }

    private string When(DateTimeOffset moment, string language) =>
        TimeZoneInfo.ConvertTime(moment, options.Value.Zone()).ToString("ddd d MMM yyyy HH:mm", Culture(language));

    private string Day(DateTimeOffset moment, string language) =>
        TimeZoneInfo.ConvertTime(moment, options.Value.Zone()).ToString(language == "iso" ? "yyyy-MM-dd" : "ddd d MMM yyyy", language == "iso" ? CultureInfo.InvariantCulture : Culture(language));

    private string Clock(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, options.Value.Zone()).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(BreachTexts.LanguageOf(language) == "en" ? "en-GB" : "nl-NL");

    private static JsonArray Choices<T>(Dictionary<string, string> labels)
        where T : struct, Enum =>
        new(Codes.All<T>().Select(value => (JsonNode?)new JsonObject { ["title"] = labels[Codes.Of(value)], ["value"] = Codes.Of(value) }).ToArray());
}
