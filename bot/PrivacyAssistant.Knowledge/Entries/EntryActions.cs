namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>The values allowed in an entry's <c>actions</c> list.</summary>
public static class EntryActions
{
    /// <summary>The card offers a "Datalek melden" button that starts a breach report.</summary>
    public const string ReportBreach = "report-breach";

    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal) { ReportBreach };
}
