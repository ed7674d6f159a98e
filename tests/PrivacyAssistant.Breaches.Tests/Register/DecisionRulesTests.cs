using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Tests.Register;

public sealed class DecisionRulesTests
{
    private static readonly DateTimeOffset Discovered = DateTimeOffset.Parse("2026-03-09T14:00:00Z");

    private static readonly BreachReport Report = new()
    {
        Id = 1,
        Reference = "DL-2026-0001",
        Kind = BreachKind.LostDevice,
        // Happened days before it was discovered, so a correction to an earlier discovery is plausible.
        OccurredAt = Discovered.AddDays(-5),
        OccurredTimeKnown = true,
        DiscoveredAt = Discovered,
        ReportedAt = Discovered.AddHours(1),
        Categories = [DataCategory.Grades],
        Groups = [AffectedGroup.Students],
        Count = AffectedCount.UpTo100,
        Protection = Protection.None,
        Description = "Laptop kwijt.",
        Reporter = new Reporter("reporter-1", "Jan"),
    };

    [Fact]
    public void Check_NotifiedAfterTheDeadlineWithoutAReason_AsksForTheReasonForTheDelay()
    {
        var late = new ApDecision(true, Discovered.AddHours(80), "M-1", null);

        Assert.Equal([new FieldProblem(DecisionFields.ApReason, "late-reason-required")], DecisionRules.Check(Report, late, Discovered.AddHours(90)));
    }

    [Fact]
    public void Check_NotifiedNowAfterTheDeadlineWithoutADate_AsksForTheReasonForTheDelay()
    {
        // No date means "now" (that is what gets stored).
        var late = new ApDecision(true, null, "M-1", " ");

        Assert.Equal([new FieldProblem(DecisionFields.ApReason, "late-reason-required")], DecisionRules.Check(Report, late, Discovered.AddHours(73)));
    }

    [Fact]
    public void Check_NotifiedLateWithAReason_IsAccepted() =>
        Assert.Empty(DecisionRules.Check(Report, new ApDecision(true, Discovered.AddHours(80), "M-1", "Pas na onderzoek van de leverancier duidelijk."), Discovered.AddHours(90)));

    [Fact]
    public void Check_NotifiedWithinTheDeadline_NeedsNoReason() =>
        Assert.Empty(DecisionRules.Check(Report, new ApDecision(true, Discovered.AddHours(71), "M-1", null), Discovered.AddHours(90)));

    [Fact]
    public void Check_ApReferenceLongerThanTheCardAllows_IsRefusedWithTheLimit()
    {
        var atLimit = new ApDecision(true, Discovered.AddHours(10), new string('M', DecisionFields.ApReferenceMaxLength), null);
        var tooLong = atLimit with { ApReference = new string('M', DecisionFields.ApReferenceMaxLength + 1) };

        Assert.Empty(DecisionRules.Check(Report, atLimit, Discovered.AddHours(20)));
        Assert.Equal([new FieldProblem(DecisionFields.ApReference, "too-long", 100)], DecisionRules.Check(Report, tooLong, Discovered.AddHours(20)));
    }

    [Fact]
    public void Check_DiscoveryCorrectionWithoutAReason_AsksForTheReason() =>
        Assert.Equal(
            [new FieldProblem(DecisionFields.DiscoveryReason, "reason-required")],
            DecisionRules.Check(Report, new DiscoveryDecision(Discovered.AddDays(-3), " "), Discovered.AddHours(5)));

    [Fact]
    public void Check_DiscoveryCorrectionIntoTheFuture_IsRefusedButClockSkewIsNot()
    {
        var now = Discovered.AddHours(5);

        Assert.Equal(
            [new FieldProblem(DecisionFields.DiscoveryDate, "in-future")],
            DecisionRules.Check(Report, new DiscoveryDecision(now.AddMinutes(6), "Verkeerde dag ingevuld."), now));
        Assert.Empty(DecisionRules.Check(Report, new DiscoveryDecision(now.AddMinutes(4), "Verkeerde dag ingevuld."), now));
    }

    [Fact]
    public void Check_DiscoveryCorrectionBeforeTheBreachHappened_IsRefused()
    {
        var now = Discovered.AddHours(5);

        Assert.Equal(
            [new FieldProblem(DecisionFields.DiscoveryDate, "discovered-before-occurred")],
            DecisionRules.Check(Report, new DiscoveryDecision(Report.OccurredAt.AddMinutes(-1), "Verkeerde dag ingevuld."), now));
        Assert.Empty(DecisionRules.Check(Report, new DiscoveryDecision(Report.OccurredAt, "Meteen gezien."), now));
    }

    [Fact]
    public void Check_DiscoveryCorrectionOnTheDayOfABreachWithoutATime_IsAccepted()
    {
        // A date-only occurrence is stored as the start of its day at school: any time that day is after it.
        var startOfDay = DateTimeOffset.Parse("2026-03-06T23:00:00Z"); // 2026-03-07 00:00 in Amsterdam
        var report = Report with { OccurredAt = startOfDay, OccurredTimeKnown = false };

        Assert.Empty(DecisionRules.Check(report, new DiscoveryDecision(startOfDay, "Zaterdag al gemist."), Discovered));
        Assert.Equal(
            "discovered-before-occurred",
            Assert.Single(DecisionRules.Check(report, new DiscoveryDecision(startOfDay.AddHours(-1), "Vrijdag al gemist."), Discovered)).Code);
    }

    [Fact]
    public void Check_DiscoveryCorrectionOnAClosedReport_IsRefusedAsAlreadyClosed() =>
        Assert.Equal(
            [new FieldProblem(DecisionFields.Reference, "already-closed")],
            DecisionRules.Check(Report with { ClosedAt = Discovered.AddDays(1) }, new DiscoveryDecision(Discovered.AddDays(-3), "Vrijdag al gemist."), Discovered.AddDays(2)));

    [Fact]
    public void Check_DiscoveryCorrectionReasonLongerThanTheCardAllows_IsRefusedWithTheLimit() =>
        Assert.Equal(
            [new FieldProblem(DecisionFields.DiscoveryReason, "too-long", DecisionFields.TextMaxLength)],
            DecisionRules.Check(Report, new DiscoveryDecision(Discovered.AddDays(-3), new string('x', DecisionFields.TextMaxLength + 1)), Discovered.AddHours(5)));
}
