using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Breaches.Reports;

/// <summary>
/// Turns a submitted form into a <see cref="NewBreachReport"/> or a list of field problems.
/// Dates and times are read in the school's time zone; the discovery may not lie in the future
/// (a few minutes of clock skew allowed, stored as now) and the breach may not have happened after
/// it was found.
/// </summary>
public sealed class BreachReportValidator(IOptions<BreachesOptions> options, TimeProvider timeProvider)
{
    public const int DescriptionMaxLength = 2000;
    public const int MeasuresMaxLength = 1000;

    public DraftValidation Validate(BreachReportDraft draft, Reporter reporter)
    {
        var zone = options.Value.Zone();
        var now = timeProvider.GetUtcNow();
        var problems = new List<FieldProblem>();

        var kind = Choice<BreachKind>(draft.Kind, BreachReportDraft.Fields.Kind, problems);
        var categories = Choices<DataCategory>(draft.Categories, BreachReportDraft.Fields.Categories, problems);
        var groups = Choices<AffectedGroup>(draft.Groups, BreachReportDraft.Fields.Groups, problems);
        var count = Choice<AffectedCount>(draft.Count, BreachReportDraft.Fields.Count, problems);
        var protection = Choice<Protection>(draft.Protection, BreachReportDraft.Fields.Protection, problems);
        var description = Text(draft.Description, BreachReportDraft.Fields.Description, DescriptionMaxLength, required: true, problems);
        var measures = Text(draft.Measures, BreachReportDraft.Fields.Measures, MeasuresMaxLength, required: false, problems);

        var occurredDate = Date(draft.OccurredDate, BreachReportDraft.Fields.OccurredDate, required: true, problems);
        var occurredTime = Time(draft.OccurredTime, BreachReportDraft.Fields.OccurredTime, required: false, problems);
        var discoveredDate = Date(draft.DiscoveredDate, BreachReportDraft.Fields.DiscoveredDate, required: true, problems);
        var discoveredTime = Time(draft.DiscoveredTime, BreachReportDraft.Fields.DiscoveredTime, required: true, problems);

        DateTimeOffset? discovered = null;
        if (discoveredDate is { } dd && discoveredTime is { } dt)
        {
            discovered = SchoolTime.ToUtc(dd, dt, zone);
            if (discovered > now + SchoolTime.ClockSkew)
            {
                problems.Add(new FieldProblem(BreachReportDraft.Fields.DiscoveredDate, "in-future"));
            }
        }

        DateTimeOffset? occurred = null;
        if (occurredDate is { } od)
        {
            occurred = SchoolTime.ToUtc(od, occurredTime ?? TimeOnly.MinValue, zone);
            var occurredField = occurredTime is null ? BreachReportDraft.Fields.OccurredDate : BreachReportDraft.Fields.OccurredTime;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var inFuture = occurredTime is null ? od > today : occurred > now + SchoolTime.ClockSkew;
            if (inFuture)
            {
                problems.Add(new FieldProblem(occurredField, "in-future"));
            }
            else if (discovered is { } found && discoveredDate is { } foundDate)
            {
                // Without a time only the dates can be compared.
                var later = occurredTime is null ? od > foundDate : occurred > found;
                if (later)
                {
                    problems.Add(new FieldProblem(occurredField, "occurred-after-discovered"));
                }
            }
        }

        if (problems.Count > 0)
        {
            return new DraftValidation(null, problems);
        }

        // A time up to the clock skew ahead of ours is accepted, but the school cannot have found
        // the breach after it was reported: store no later than now (the deadline is never later).
        var discoveredAt = discovered!.Value < now ? discovered.Value : now;
        var occurredAt = occurred!.Value < discoveredAt ? occurred.Value : discoveredAt;

        return new DraftValidation(
            new NewBreachReport(
                kind!.Value,
                occurredAt,
                occurredTime is not null,
                discoveredAt,
                categories,
                groups,
                count!.Value,
                protection!.Value,
                measures,
                description!,
                reporter),
            []);
    }

    private static T? Choice<T>(string? value, string field, List<FieldProblem> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new FieldProblem(field, "required"));
            return null;
        }

        if (!Codes.TryParse<T>(value, out var parsed))
        {
            problems.Add(new FieldProblem(field, "invalid-choice"));
            return null;
        }

        return parsed;
    }

    private static List<T> Choices<T>(string? value, string field, List<FieldProblem> problems)
        where T : struct, Enum
    {
        var parts = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            problems.Add(new FieldProblem(field, "required"));
            return [];
        }

        var parsed = new List<T>();
        foreach (var part in parts)
        {
            if (!Codes.TryParse<T>(part, out var item))
            {
                problems.Add(new FieldProblem(field, "invalid-choice"));
                return [];
            }

            if (!parsed.Contains(item))
            {
                parsed.Add(item);
            }
        }

        return parsed;
    }

    private static string? Text(string? value, string field, int max, bool required, List<FieldProblem> problems)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                problems.Add(new FieldProblem(field, "required"));
            }

            return null;
        }

        if (trimmed.Length > max)
        {
            problems.Add(new FieldProblem(field, "too-long", max));
            return null;
        }

        return trimmed;
    }

    private static DateOnly? Date(string? value, string field, bool required, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new FieldProblem(field, "required"));
            }

            return null;
        }

        if (SchoolTime.TryParseDate(value.Trim(), out var date) && date.Year >= 2000)
        {
            return date;
        }

        problems.Add(new FieldProblem(field, "invalid-date"));
        return null;
    }

    private static TimeOnly? Time(string? value, string field, bool required, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new FieldProblem(field, "required"));
            }

            return null;
        }

        if (SchoolTime.TryParseTime(value, out var time))
        {
            return time;
        }

        problems.Add(new FieldProblem(field, "invalid-time"));
        return null;
    }
}
