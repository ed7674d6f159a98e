namespace PrivacyAssistant.Breaches.Reports;

/// <summary>
/// The form as submitted: raw strings exactly as the card sent them (so an invalid form can be
/// shown again with the user's input intact). Field names are the card's input ids.
/// </summary>
public sealed record BreachReportDraft
{
    public string? Kind { get; init; }

    /// <summary><c>yyyy-MM-dd</c> (Adaptive Card Input.Date).</summary>
    public string? OccurredDate { get; init; }

    /// <summary><c>HH:mm</c> (Input.Time); optional.</summary>
    public string? OccurredTime { get; init; }

    public string? DiscoveredDate { get; init; }

    public string? DiscoveredTime { get; init; }

    /// <summary>Comma-separated category codes (multi-select choice set).</summary>
    public string? Categories { get; init; }

    public string? Groups { get; init; }

    public string? Count { get; init; }

    public string? Protection { get; init; }

    public string? Measures { get; init; }

    public string? Description { get; init; }

    public static class Fields
    {
        public const string Kind = "kind";
        public const string OccurredDate = "occurredDate";
        public const string OccurredTime = "occurredTime";
        public const string DiscoveredDate = "discoveredDate";
        public const string DiscoveredTime = "discoveredTime";
        public const string Categories = "categories";
        public const string Groups = "groups";
        public const string Count = "count";
        public const string Protection = "protection";
        public const string Measures = "measures";
        public const string Description = "description";
    }
}
