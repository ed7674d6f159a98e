using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>The <c>Breaches:Export</c> section: the signed CSV download link.</summary>
public sealed class BreachExportOptions
{
    public const string SectionName = "Breaches:Export";

    /// <summary>The bot's public base URL (e.g. https://privacy.school.nl); default the URL of the current request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Base64 HMAC key (≥ 32 bytes) signing the links. Needed when several instances run; without it
    /// each process makes a random key, so links work only on the instance that issued them.
    /// </summary>
    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
