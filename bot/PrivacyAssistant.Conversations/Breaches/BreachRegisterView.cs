using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// What officers and reporters may see and do with the register; shared by the text commands and
/// the card verbs. Officers see everything and decide; anyone else sees only their own reports.
/// </summary>
public sealed class BreachRegisterView(
    IBreachRegister register,
    IOfficerDirectory officers,
    BreachCards cards,
    BreachExportLinks exportLinks,
    IOptions<BreachesOptions> options,
    TimeProvider timeProvider)
{
    public Task<bool> IsOfficerAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        officers.IsOfficerAsync(turn.Activity.From?.AadObjectId, cancellationToken);

    /// <summary>Officers: the open reports with their countdown. Others: a polite refusal.</summary>
    public async Task<CardActionResult> OpenReportsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!await IsOfficerAsync(turn, cancellationToken))
        {
            return CardActionResult.Message(cards.Text("notOfficer", turn.Language));
        }

        return CardActionResult.ReplaceCard(cards.List(turn.Language, await register.ListOpenAsync(cancellationToken), isOfficer: true));
    }

    public async Task<CardActionResult> MyReportsAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        CardActionResult.ReplaceCard(cards.List(turn.Language, await register.ListByReporterAsync(BreachCaller.Id(turn), cancellationToken), isOfficer: false));

    public async Task<CardActionResult> ShowAsync(ITurnContext turn, string? reference, CancellationToken cancellationToken)
    {
        var normalized = ReferenceNumber.Normalize(reference);
        var report = normalized is null ? null : await register.FindAsync(normalized, cancellationToken);
        var isOfficer = await IsOfficerAsync(turn, cancellationToken);

        // Not found and not yours look the same to a non-officer: no probing for reference numbers.
        if (report is null || (!isOfficer && report.Reporter.Id != BreachCaller.Id(turn)))
        {
            return CardActionResult.Message(isOfficer
                ? cards.Text("notFound", turn.Language, new { reference = reference ?? string.Empty })
                : cards.Text("notYours", turn.Language));
        }

        var trail = isOfficer ? await register.ListDecisionsAsync(report.Reference, cancellationToken) : [];
        return CardActionResult.ReplaceCard(cards.Detail(turn.Language, report, trail, isOfficer));
    }

    /// <summary>Records an officer decision from the detail card's inputs and shows the card again.</summary>
    public async Task<CardActionResult> DecideAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        if (!await IsOfficerAsync(turn, cancellationToken))
        {
            return CardActionResult.Message(cards.Text("notOfficer", turn.Language));
        }

        var reference = ReferenceNumber.Normalize(action.GetString("reference"));
        if (reference is null)
        {
            return CardActionResult.Error(cards.Text("notFound", turn.Language, new { reference = string.Empty }));
        }

        var (decision, problems) = Parse(action);
        if (decision is null)
        {
            var current = await register.FindAsync(reference, cancellationToken);
            return current is null
                ? CardActionResult.Message(cards.Text("notFound", turn.Language, new { reference }))
                : CardActionResult.ReplaceCard(cards.Detail(turn.Language, current, await register.ListDecisionsAsync(reference, cancellationToken), true, problems, FormOf(action)));
        }

        var result = await register.RecordDecisionAsync(reference, decision, BreachCaller.Officer(turn), cancellationToken);
        if (result.Report is null)
        {
            return CardActionResult.Message(cards.Text("notFound", turn.Language, new { reference }));
        }

        var trail = await register.ListDecisionsAsync(reference, cancellationToken);
        return result.Recorded
            ? CardActionResult.ReplaceCard(cards.Detail(turn.Language, result.Report, trail, true, message: cards.Text(decision is CloseDecision ? "closedMessage" : "decisionSaved", turn.Language)))
            : CardActionResult.ReplaceCard(cards.Detail(turn.Language, result.Report, trail, true, result.Problems, FormOf(action)));
    }

    /// <summary>Officers get a short-lived personal download link for the CSV register.</summary>
    public async Task<CardActionResult> ExportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!await IsOfficerAsync(turn, cancellationToken))
        {
            return CardActionResult.Message(cards.Text("notOfficer", turn.Language));
        }

        var url = exportLinks.Create(BreachCaller.Id(turn), turn.Language);
        return CardActionResult.Message(url is null
            ? cards.Text("exportNoLink", turn.Language)
            : cards.Text("exportLink", turn.Language, new { url, minutes = (int)exportLinks.Lifetime.TotalMinutes }));
    }

    private (BreachDecision? Decision, IReadOnlyList<FieldProblem> Problems) Parse(CardAction action)
    {
        switch (action.Verb)
        {
            case BreachVerbs.DecideAp:
                var notified = action.GetString(DecisionFields.ApNotified);
                if (notified is not ("yes" or "no"))
                {
                    return (null, [new FieldProblem(DecisionFields.ApNotified, "required")]);
                }

                TimeOnly? time = null;
                if (action.GetString(DecisionFields.ApNotifiedTime) is { } timeText)
                {
                    if (!SchoolTime.TryParseTime(timeText, out var parsed))
                    {
                        return (null, [new FieldProblem(DecisionFields.ApNotifiedTime, "invalid-time")]);
                    }

                    time = parsed;
                }

                DateTimeOffset? at = null;
                if (action.GetString(DecisionFields.ApNotifiedDate) is { } dateText)
                {
                    if (!SchoolTime.TryParseDate(dateText, out var date))
                    {
                        return (null, [new FieldProblem(DecisionFields.ApNotifiedDate, "invalid-date")]);
                    }

                    at = time is { } clock ? SchoolTime.ToUtc(date, clock, options.Value.Zone()) : NotifiedAt(date);
                }
                else if (time is not null)
                {
                    // A time alone says nothing about the 72 hours; guessing the day could hide a late notification.
                    return (null, [new FieldProblem(DecisionFields.ApNotifiedDate, "required")]);
                }

                return (new ApDecision(notified == "yes", at, action.GetString(DecisionFields.ApReference), action.GetString(DecisionFields.ApReason)), []);
            case BreachVerbs.DecideSubjects:
                var informed = action.GetString(DecisionFields.SubjectsInformed);
                return informed is "yes" or "no"
                    ? (new SubjectsDecision(informed == "yes", action.GetString(DecisionFields.SubjectsReason)), [])
                    : (null, [new FieldProblem(DecisionFields.SubjectsInformed, "required")]);
            case BreachVerbs.DecideMeasures:
                return (new MeasuresDecision(action.GetString(DecisionFields.Consequences), action.GetString(DecisionFields.RemedialActions)), []);
            case BreachVerbs.DecideDiscovery:
                return ParseDiscovery(action);
            default:
                return (new CloseDecision(), []);
        }
    }

    // The corrected discovery: a date is required (a time alone would mean guessing the day). A date
    // without a time counts from the start of that day at school, 00:00: the 72 hours then never end
    // later than they would from the true moment, whereas noon could make a morning discovery's
    // deadline up to 12 hours late. The officer gives the time to get the exact deadline.
    private (BreachDecision? Decision, IReadOnlyList<FieldProblem> Problems) ParseDiscovery(CardAction action)
    {
        var problems = new List<FieldProblem>();
        var reason = action.GetString(DecisionFields.DiscoveryReason);
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new FieldProblem(DecisionFields.DiscoveryReason, "reason-required"));
        }

        var time = new TimeOnly(0, 0);
        if (action.GetString(DecisionFields.DiscoveryTime) is { } timeText && !SchoolTime.TryParseTime(timeText, out time))
        {
            problems.Add(new FieldProblem(DecisionFields.DiscoveryTime, "invalid-time"));
        }

        DateOnly date = default;
        if (action.GetString(DecisionFields.DiscoveryDate) is not { } dateText)
        {
            problems.Add(new FieldProblem(DecisionFields.DiscoveryDate, "required"));
        }
        else if (!SchoolTime.TryParseDate(dateText, out date))
        {
            problems.Add(new FieldProblem(DecisionFields.DiscoveryDate, "invalid-date"));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new DiscoveryDecision(SchoolTime.ToUtc(date, time, options.Value.Zone()), reason), []);
    }

    // A date without a time: today means now, an earlier day means noon that day (school time).
    // The officer can give the time (apNotifiedTime) when the day is the deadline's and it matters.
    private DateTimeOffset NotifiedAt(DateOnly date)
    {
        var zone = options.Value.Zone();
        var now = timeProvider.GetUtcNow();
        if (date == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime))
        {
            return now;
        }

        var local = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static JsonObject FormOf(CardAction action)
    {
        var form = new JsonObject();
        foreach (var field in new[]
        {
            DecisionFields.ApNotified, DecisionFields.ApNotifiedDate, DecisionFields.ApNotifiedTime, DecisionFields.ApReference, DecisionFields.ApReason,
            DecisionFields.SubjectsInformed, DecisionFields.SubjectsReason, DecisionFields.Consequences, DecisionFields.RemedialActions,
            DecisionFields.DiscoveryDate, DecisionFields.DiscoveryTime, DecisionFields.DiscoveryReason,
        })
        {
            form[field] = action.GetString(field);
        }

        return form;
    }
}
