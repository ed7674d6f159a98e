using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Breaches;

/// <summary>The <c>Breaches</c> configuration section.</summary>
public sealed class BreachesOptions
{
    public const string SectionName = "Breaches";

    /// <summary>Entra object ids of the privacy officers (they see and decide on all reports).</summary>
    public List<string> Officers { get; set; } = [];

    /// <summary>Optional Entra group whose members are officers too (checked through Microsoft Graph).</summary>
    public string? OfficerGroupId { get; set; }

    /// <summary>Reports without an AP decision this long after discovery are flagged to the officers (the deadline is 72 h).</summary>
    [Range(1, 71)]
    public int DeadlineWarningHours { get; set; } = 48;

    /// <summary>Runs the background check for overdue reports (tests switch it off and call it directly).</summary>
    public bool OverdueMonitorEnabled { get; set; } = true;

    /// <summary>How often the background check for overdue reports runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The school's time zone: form dates and times are read in it, and shown in it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Closed reports are kept this many years as accountability evidence (art. 5(2), 33(5)), then purged.</summary>
    [Range(1, 30)]
    public int RetentionYears { get; set; } = 5;

    /// <summary>Language of the notifications to the privacy desk (<c>nl</c> or <c>en</c>).</summary>
    public string NotificationLanguage { get; set; } = "nl";

    /// <summary>Optional link to the bot in Teams, put in notification mails (e.g. a Teams deep link to the app).</summary>
    public string? TeamsLink { get; set; }

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
