namespace PrivacyAssistant.Breaches.Reports;

/// <summary>What happened. Codes (kebab-case, see <see cref="Codes"/>) are used in cards, storage and texts.</summary>
public enum BreachKind
{
    LostDevice,
    UsbStick,
    EmailWrongRecipient,
    EmailRecipientsVisible,
    HackedAccount,
    Ransomware,
    PasswordShared,
    PaperLost,
    AppVulnerability,
    Other,
}
