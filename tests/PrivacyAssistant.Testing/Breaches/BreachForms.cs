using System.Globalization;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Testing.Breaches;

/// <summary>Breach report forms as the <c>BreachForm</c> card submits them (<c>breach.submit</c> data).</summary>
public static class BreachForms
{
    /// <summary>
    /// A valid, filled-in report: a laptop lost on <paramref name="day"/> (08:30, discovered 09:15, school
    /// time), contact details and grades of 11–100 students, not protected, with measures and a description.
    /// </summary>
    /// <param name="submissionId">The form's idempotency id (one report per id and user).</param>
    /// <param name="day">When it happened and was discovered: a host on a fake clock passes its own day,
    /// one on the real clock a recent day (the form refuses future dates).</param>
    public static JsonObject Valid(string submissionId, DateOnly day) => new()
    {
        ["submissionId"] = submissionId,
        ["kind"] = "lost-device",
        ["occurredDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["occurredTime"] = "08:30",
        ["discoveredDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["discoveredTime"] = "09:15",
        ["categories"] = "contact,grades",
        ["groups"] = "students",
        ["count"] = "11-100",
        ["protection"] = "none",
        ["measures"] = "Wachtwoord gewijzigd",
        ["description"] = "Laptop in de trein laten liggen.",
    };

    /// <summary>Yesterday in the school's time zone (<c>Europe/Amsterdam</c>) by the real clock, for hosts without a fake clock.</summary>
    public static DateOnly YesterdayAtSchool() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime).AddDays(-1);
}
