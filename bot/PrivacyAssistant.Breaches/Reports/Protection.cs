namespace PrivacyAssistant.Breaches.Reports;

/// <summary>Whether the device or file was protected.</summary>
public enum Protection
{
    Encrypted,
    Password,
    None,
    Unknown,
}
