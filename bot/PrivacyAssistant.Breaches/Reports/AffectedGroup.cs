namespace PrivacyAssistant.Breaches.Reports;

/// <summary>Whose data.</summary>
public enum AffectedGroup
{
    Students,
    Parents,
    Staff,
    Other,
}
