using PrivacyAssistant.Breaches.Export;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Tests.Export;

public sealed class BreachRegisterCsvTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("plain", "plain")]
    public void Cell_NeutralisesFormulasAndQuotesSeparators(string value, string expected) =>
        Assert.Equal(expected, BreachRegisterCsv.Cell(value));

    /// <summary>A closed report of a mail to the wrong recipient, with a formula in its description.</summary>
    private static readonly BreachReport Closed = new BreachReport
    {
        Id = 1,
        Reference = "DL-2026-0001",
        Kind = BreachKind.EmailWrongRecipient,
        OccurredAt = DateTimeOffset.Parse("2026-03-10T07:30:00Z"),
        OccurredTimeKnown = true,
        DiscoveredAt = DateTimeOffset.Parse("2026-03-10T08:15:00Z"),
        ReportedAt = DateTimeOffset.Parse("2026-03-10T08:20:00Z"),
        Categories = [DataCategory.Grades],
        Groups = [AffectedGroup.Students],
        Count = AffectedCount.UpTo100,
        Protection = Protection.None,
        Description = "=cmd|' /C calc'!A0",
        Reporter = new Reporter("aad-1", "Jan de Vries"),
        Consequences = "Cijfers van klas 3B bij één ouder.",
        RemedialActions = "Ouder heeft mail verwijderd.",
        ApNotified = false,
        ApReason = "Eén betrouwbare ontvanger, mail verwijderd.",
        SubjectsInformed = false,
        SubjectsReason = "Geen hoog risico.",
        ClosedAt = DateTimeOffset.Parse("2026-03-11T10:00:00Z"),
    };

    [Fact]
    public void Write_ContainsTheRegisterFieldsButNotTheReporter()
    {
        var report = Closed;

        var csv = BreachRegisterCsv.Write([report], "nl", Amsterdam, DateTimeOffset.Parse("2026-03-12T00:00:00Z"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("\uFEFF", csv);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Meldnummer;Gemeld;", lines[0]);
        Assert.Contains("DL-2026-0001;2026-03-10 09:20;E-mail naar de verkeerde ontvanger;2026-03-10 08:30;2026-03-10 09:15;2026-03-13 09:15;", lines[1]);
        Assert.Contains("'=cmd|", lines[1]);
        Assert.Contains("Eén betrouwbare ontvanger, mail verwijderd.", lines[1]);
        Assert.Contains(";nee;", lines[1]);
        Assert.DoesNotContain("Jan de Vries", csv);
        Assert.DoesNotContain("aad-1", csv);
        Assert.EndsWith(";afgesloten", lines[1]);
    }

    [Theory]
    [InlineData("nl", ";Onbevoegde toegang of gegevens zichtbaar voor anderen;")]
    [InlineData("en", ";Unauthorised access or data visible to others;")]
    public void Write_UnauthorisedAccess_ShowsItsTextAsWhatHappened(string language, string expected)
    {
        var report = Closed with { Reference = "DL-2026-0002", Kind = BreachKind.UnauthorisedAccess };

        var csv = BreachRegisterCsv.Write([report], language, Amsterdam, DateTimeOffset.Parse("2026-03-12T00:00:00Z"));
        var row = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];

        Assert.Contains("DL-2026-0002;2026-03-10 09:20" + expected, row);
    }
}
