using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Tests.Reports;

public sealed class BreachReportValidatorTests
{
    // 13:00 in Amsterdam (CET, UTC+1) on 10 March 2026.
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-03-10T12:00:00Z"));
    private static readonly Reporter Reporter = new("aad-1", "Jan de Vries");
    private readonly BreachReportValidator validator = new(Options.Create(new BreachesOptions()), Clock);

    private static BreachReportDraft Valid => new()
    {
        Kind = "lost-device",
        OccurredDate = "2026-03-10",
        OccurredTime = "08:30",
        DiscoveredDate = "2026-03-10",
        DiscoveredTime = "09:15",
        Categories = "contact,grades,bsn",
        Groups = "students,parents",
        Count = "11-100",
        Protection = "none",
        Measures = "  ",
        Description = "  Laptop in de trein laten liggen.  ",
    };

    [Fact]
    public void Validate_CompleteDraft_ReadsTimesInSchoolTimeZoneAndTrimsText()
    {
        var result = validator.Validate(Valid, Reporter);

        Assert.True(result.IsValid);
        var report = result.Report!;
        Assert.Equal(BreachKind.LostDevice, report.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T07:30:00Z"), report.OccurredAt);
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T08:15:00Z"), report.DiscoveredAt);
        Assert.True(report.OccurredTimeKnown);
        Assert.Equal([DataCategory.Contact, DataCategory.Grades, DataCategory.Bsn], report.Categories);
        Assert.Equal([AffectedGroup.Students, AffectedGroup.Parents], report.Groups);
        Assert.Equal(AffectedCount.UpTo100, report.Count);
        Assert.Null(report.Measures);
        Assert.Equal("Laptop in de trein laten liggen.", report.Description);
        Assert.Same(Reporter, report.Reporter);
    }

    [Fact]
    public void Validate_SummerTime_UsesTheSummerOffset()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-07-01T12:00:00Z"));
        var result = new BreachReportValidator(Options.Create(new BreachesOptions()), clock)
            .Validate(Valid with { OccurredDate = "2026-07-01", DiscoveredDate = "2026-07-01" }, Reporter);

        Assert.Equal(DateTimeOffset.Parse("2026-07-01T07:15:00Z"), result.Report!.DiscoveredAt);
    }

    [Fact]
    public void Validate_EmptyDraft_MarksEveryRequiredFieldAndNothingElse()
    {
        var result = validator.Validate(new BreachReportDraft(), Reporter);

        Assert.False(result.IsValid);
        Assert.All(result.Problems, problem => Assert.Equal("required", problem.Code));
        Assert.Equal(
            ["categories", "count", "description", "discoveredDate", "discoveredTime", "groups", "kind", "occurredDate", "protection"],
            result.Problems.Select(problem => problem.Field).Order().ToArray());
    }

    [Fact]
    public void Validate_DiscoveryInTheFuture_IsRejected()
    {
        var result = validator.Validate(Valid with { DiscoveredTime = "14:30" }, Reporter);

        Assert.Contains(result.Problems, problem => problem is { Field: "discoveredDate", Code: "in-future" });
    }

    [Fact]
    public void Validate_OccurredAfterDiscovered_IsRejectedOnTheOccurredTime()
    {
        var result = validator.Validate(Valid with { OccurredTime = "10:00" }, Reporter);

        Assert.Equal([new FieldProblem("occurredTime", "occurred-after-discovered")], result.Problems);
    }

    [Fact]
    public void Validate_OccurredDateWithoutTimeOnTheDayOfDiscovery_IsAccepted()
    {
        var result = validator.Validate(Valid with { OccurredTime = null }, Reporter);

        Assert.True(result.IsValid);
        Assert.False(result.Report!.OccurredTimeKnown);
    }

    [Fact]
    public void Validate_OccurredDateAfterDiscoveryDate_IsRejected()
    {
        var result = validator.Validate(Valid with { OccurredDate = "2026-03-11", OccurredTime = null }, Reporter);

        Assert.Contains(result.Problems, problem => problem is { Field: "occurredDate" });
    }

    [Theory]
    [InlineData("kind", "laptop")]
    [InlineData("categories", "contact,secret")]
    [InlineData("count", "12")]
    public void Validate_UnknownChoice_IsRejected(string field, string value)
    {
        var draft = field switch
        {
            "kind" => Valid with { Kind = value },
            "categories" => Valid with { Categories = value },
            _ => Valid with { Count = value },
        };

        Assert.Equal([new FieldProblem(field, "invalid-choice")], validator.Validate(draft, Reporter).Problems);
    }

    [Theory]
    [InlineData("10-03-2026", "09:15", "discoveredDate", "invalid-date")]
    [InlineData("2026-03-10", "9.15u", "discoveredTime", "invalid-time")]
    public void Validate_MalformedDateOrTime_IsRejected(string date, string time, string field, string code) =>
        Assert.Contains(new FieldProblem(field, code), validator.Validate(Valid with { DiscoveredDate = date, DiscoveredTime = time }, Reporter).Problems);

    [Fact]
    public void Validate_TooLongDescription_ReportsTheLimit()
    {
        var result = validator.Validate(Valid with { Description = new string('x', 2001) }, Reporter);

        Assert.Equal([new FieldProblem("description", "too-long", 2000)], result.Problems);
    }

    [Fact]
    public void Validate_DiscoveryInTheRepeatedAutumnHour_TakesTheEarlierMomentSoTheDeadlineIsNeverLate()
    {
        // 25 October 2026, 02:30 in Amsterdam happens twice: 00:30Z (summer time) and 01:30Z (winter time).
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-10-26T12:00:00Z"));
        var result = new BreachReportValidator(Options.Create(new BreachesOptions()), clock)
            .Validate(Valid with { OccurredDate = "2026-10-25", OccurredTime = "02:10", DiscoveredDate = "2026-10-25", DiscoveredTime = "02:30" }, Reporter);

        Assert.True(result.IsValid);
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:30:00Z"), result.Report!.DiscoveredAt);
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:10:00Z"), result.Report.OccurredAt);
    }

    [Fact]
    public void Validate_DiscoveryInTheSkippedSpringHour_IsReadAsTheHourAfter()
    {
        // 29 March 2026 has no 02:30 in Amsterdam; 03:30 summer time is 01:30Z, the same moment as 02:30 winter time.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-30T12:00:00Z"));
        var result = new BreachReportValidator(Options.Create(new BreachesOptions()), clock)
            .Validate(Valid with { OccurredDate = "2026-03-29", OccurredTime = null, DiscoveredDate = "2026-03-29", DiscoveredTime = "02:30" }, Reporter);

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:30:00Z"), result.Report!.DiscoveredAt);
    }

    [Fact]
    public void Validate_DiscoveryAFewMinutesAheadOfTheServerClock_IsStoredAsNotLaterThanTheReport()
    {
        // 13:03 and 13:02 in Amsterdam are 12:03Z and 12:02Z: within the allowed clock skew, but after "now" (12:00Z).
        var result = validator.Validate(Valid with { OccurredTime = "13:02", DiscoveredTime = "13:03" }, Reporter);

        Assert.True(result.IsValid);
        Assert.Equal(Clock.GetUtcNow(), result.Report!.DiscoveredAt);
        Assert.Equal(Clock.GetUtcNow(), result.Report.OccurredAt);
    }
}
