using System.Globalization;
using System.Text;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Breaches.Texts;

namespace PrivacyAssistant.Breaches.Export;

/// <summary>
/// The register as CSV with the art. 33(5) fields (facts, effects, remedial action) and the
/// decisions. Semicolon-separated with a UTF-8 byte order mark, which is what Excel with Dutch
/// regional settings opens correctly. Cells that a spreadsheet would read as a formula are
/// prefixed with an apostrophe (CSV injection). The reporter's name and id are not exported: the
/// register does not need them, and the file tends to travel.
/// </summary>
public static class BreachRegisterCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Write(IEnumerable<BreachReport> reports, string language, TimeZoneInfo zone, DateTimeOffset now)
    {
        var texts = BreachTexts.For(language);
        var en = texts.Language == "en";
        var header = en
            ? new[] { "Reference", "Reported", "What happened", "Occurred", "Discovered", "AP deadline", "Kinds of data", "Special categories or BSN", "Whose", "Approx. number of people", "Protected", "Facts (description)", "Measures by reporter", "Effects", "Remedial action", "Risk hint (not a decision)", "AP notified", "AP notified on", "AP reference", "Reason (not) notified", "Notified within 72 hours", "People informed", "Reason (not) informed", "Closed", "Status" }
            : new[] { "Meldnummer", "Gemeld", "Wat is er gebeurd", "Gebeurd", "Ontdekt", "Termijn AP", "Soorten gegevens", "Bijzondere gegevens of BSN", "Van wie", "Aantal betrokkenen (ongeveer)", "Beveiligd", "Feiten (beschrijving)", "Maatregelen melder", "Gevolgen", "Genomen maatregelen", "Hint risico (geen besluit)", "Gemeld bij AP", "Gemeld bij AP op", "Kenmerk AP", "Reden (niet) melden", "Gemeld binnen 72 uur", "Betrokkenen geïnformeerd", "Reden (niet) informeren", "Afgesloten", "Status" };

        var yes = en ? "yes" : "ja";
        var no = en ? "no" : "nee";
        string YesNo(bool? value) => value switch { true => yes, false => no, null => string.Empty };
        string When(DateTimeOffset? moment) => moment is { } m ? TimeZoneInfo.ConvertTime(m, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;
        string Day(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var csv = new StringBuilder();
        csv.Append('\uFEFF');
        AppendRow(csv, header);
        foreach (var report in reports)
        {
            var sensitive = report.Categories.Any(category => category is DataCategory.Health or DataCategory.SpecialOther or DataCategory.Bsn);
            string status = report.IsClosed
                ? (en ? "closed" : "afgesloten")
                : report.HasApDecision ? (en ? "open" : "open")
                : now > report.Deadline ? (en ? "deadline passed without decision" : "termijn verstreken zonder besluit")
                : (en ? "awaiting decision" : "wacht op besluit");
            AppendRow(csv,
            [
                report.Reference,
                When(report.ReportedAt),
                texts.Kinds[Codes.Of(report.Kind)],
                report.OccurredTimeKnown ? When(report.OccurredAt) : Day(report.OccurredAt),
                When(report.DiscoveredAt),
                When(report.Deadline),
                string.Join(", ", report.Categories.Select(category => texts.Categories[Codes.Of(category)])),
                sensitive ? yes : no,
                string.Join(", ", report.Groups.Select(group => texts.Groups[Codes.Of(group)])),
                texts.Counts[Codes.Of(report.Count)],
                texts.Protection[Codes.Of(report.Protection)],
                report.Description,
                report.Measures ?? string.Empty,
                report.Consequences ?? string.Empty,
                report.RemedialActions ?? string.Empty,
                report.RiskHint.Describe(texts),
                YesNo(report.ApNotified),
                When(report.ApNotifiedAt),
                report.ApReference ?? string.Empty,
                report.ApReason ?? string.Empty,
                report.ApNotified == true && report.ApNotifiedAt is { } at ? YesNo(at <= report.Deadline) : string.Empty,
                YesNo(report.SubjectsInformed),
                report.SubjectsReason ?? string.Empty,
                When(report.ClosedAt),
                status,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One cell, neutralised and quoted as needed.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(';', cells.Select(Cell));
        csv.Append("\r\n");
    }
}
