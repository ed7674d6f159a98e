namespace PrivacyAssistant.Breaches.Register;

/// <summary>The 72-hour clock of GDPR art. 33(1), counted from discovery.</summary>
public static class BreachDeadlines
{
    public static readonly TimeSpan NotificationWindow = TimeSpan.FromHours(72);

    public static DateTimeOffset DeadlineFor(DateTimeOffset discoveredAt) => discoveredAt + NotificationWindow;

    /// <summary>Time left until the deadline (negative when past).</summary>
    public static TimeSpan Remaining(BreachReport report, DateTimeOffset now) => report.Deadline - now;

    /// <summary>Open, no AP decision yet, and discovered at least <paramref name="warningHours"/> ago.</summary>
    public static bool NeedsAttention(BreachReport report, DateTimeOffset now, int warningHours) =>
        !report.IsClosed && !report.HasApDecision && now - report.DiscoveredAt >= TimeSpan.FromHours(warningHours);
}
