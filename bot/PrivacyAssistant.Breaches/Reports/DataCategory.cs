namespace PrivacyAssistant.Breaches.Reports;

/// <summary>Which data was involved. <see cref="Health"/> and <see cref="SpecialOther"/> are special categories (GDPR art. 9).</summary>
public enum DataCategory
{
    Contact,
    Grades,
    StudentFile,
    Health,
    SpecialOther,
    Bsn,
    Financial,
    Photos,
    Credentials,
    Other,
}
