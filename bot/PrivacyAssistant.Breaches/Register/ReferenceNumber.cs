using System.Globalization;
using System.Text.RegularExpressions;

namespace PrivacyAssistant.Breaches.Register;

/// <summary>Reference numbers <c>DL-2026-0001</c>: year of reporting and a per-year sequence that is never reused.</summary>
public static partial class ReferenceNumber
{
    public static string Format(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"DL-{year:0000}-{number:0000}");

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Accepts lower case and surrounding spaces as people type them.</summary>
    public static string? Normalize(string? value)
    {
        var upper = value?.Trim().ToUpperInvariant();
        return IsValid(upper) ? upper : null;
    }

    [GeneratedRegex(@"^DL-\d{4}-\d{4,}$")]
    private static partial Regex Pattern();
}
