using System.Globalization;

namespace PrivacyAssistant.Breaches;

/// <summary>A date and a clock time as read on a form in the school's time zone, as an instant.</summary>
public static class SchoolTime
{
    /// <summary>How far ahead of our clock a moment given on a form may lie (the sender's clock may run ahead) before it counts as in the future.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A date as the forms send it (what Input.Date sends): <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A clock time as the forms accept it: <c>HH:mm</c> (what Input.Time sends) or <c>HH:mm:ss</c>.</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The skipped hour of the spring clock change: read it as the hour after.
            local = local.AddHours(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The repeated hour of the autumn clock change happens twice. Take the first time (the
            // larger, summer-time offset): a 72-hour deadline counted from it is never late, and a
            // notification read as the earlier hour is judged in the organisation's favour by at
            // most that hour. GetUtcOffset would pick the winter-time one, an hour later.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
