using System.Collections.Frozen;

namespace PrivacyAssistant.Breaches.Reports;

/// <summary>The stable string codes of the report enums (cards, database, CSV, texts).</summary>
public static class Codes
{
    private static readonly FrozenDictionary<Enum, string> ToCodeMap = new Dictionary<Enum, string>
    {
        [BreachKind.LostDevice] = "lost-device",
        [BreachKind.UsbStick] = "usb-stick",
        [BreachKind.EmailWrongRecipient] = "email-wrong-recipient",
        [BreachKind.EmailRecipientsVisible] = "email-recipients-visible",
        [BreachKind.HackedAccount] = "hacked-account",
        [BreachKind.Ransomware] = "ransomware",
        [BreachKind.PasswordShared] = "password-shared",
        [BreachKind.PaperLost] = "paper-lost",
        [BreachKind.AppVulnerability] = "app-vulnerability",
        [BreachKind.UnauthorisedAccess] = "unauthorised-access",
        [BreachKind.Other] = "other",
        [DataCategory.Contact] = "contact",
        [DataCategory.Grades] = "grades",
        [DataCategory.StudentFile] = "student-file",
        [DataCategory.Health] = "health",
        [DataCategory.SpecialOther] = "special-other",
        [DataCategory.Bsn] = "bsn",
        [DataCategory.Financial] = "financial",
        [DataCategory.Photos] = "photos",
        [DataCategory.Credentials] = "credentials",
        [DataCategory.Other] = "other",
        [AffectedGroup.Students] = "students",
        [AffectedGroup.Parents] = "parents",
        [AffectedGroup.Staff] = "staff",
        [AffectedGroup.Other] = "other",
        [AffectedCount.One] = "1",
        [AffectedCount.UpTo10] = "2-10",
        [AffectedCount.UpTo100] = "11-100",
        [AffectedCount.UpTo1000] = "101-1000",
        [AffectedCount.MoreThan1000] = "1000+",
        [AffectedCount.Unknown] = "unknown",
        [Protection.Encrypted] = "encrypted",
        [Protection.Password] = "password",
        [Protection.None] = "none",
        [Protection.Unknown] = "unknown",
    }.ToFrozenDictionary();

    public static string Of<T>(T value)
        where T : struct, Enum => ToCodeMap[value];

    public static IReadOnlyList<T> All<T>()
        where T : struct, Enum => Enum.GetValues<T>();

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToCodeMap[candidate], code?.Trim(), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string code)
        where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new FormatException($"Unknown {typeof(T).Name} code '{code}'.");

    /// <summary>A stored or submitted list (<c>a,b,c</c>, as Adaptive Card multi-select choice sets send it).</summary>
    public static string Join<T>(IEnumerable<T> values)
        where T : struct, Enum => string.Join(',', values.Select(Of));

    public static IReadOnlyList<T> SplitStored<T>(string? stored)
        where T : struct, Enum => string.IsNullOrEmpty(stored) ? [] : stored.Split(',').Select(Parse<T>).ToList();
}
