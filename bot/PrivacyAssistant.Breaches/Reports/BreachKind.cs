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

    // Session 16: people without a need see or get into the data (rights set wrong, an ex-colleague's
    // account still active, a folder open to everyone, papers or a screen in view). Before Other: the
    // form lists the kinds in this order. Stored reports hold the code, not the number.
    UnauthorisedAccess,
    Other,
}
