namespace PrivacyAssistant.Breaches.Reports;

/// <summary>Roughly how many people (the AP asks for an approximate number).</summary>
public enum AffectedCount
{
    One,
    UpTo10,
    UpTo100,
    UpTo1000,
    MoreThan1000,
    Unknown,
}
