namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>Exponential backoff with ±20 % jitter, never sooner than the server's Retry-After.</summary>
public static class OutboxBackoff
{
    public static TimeSpan Delay(int attempt, OutboxOptions options, TimeSpan? retryAfter, double jitterSample)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var raw = options.InitialDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, options.MaxDelay.TotalMilliseconds);
        var jittered = capped * (0.8 + (0.4 * Math.Clamp(jitterSample, 0, 1)));
        var delay = TimeSpan.FromMilliseconds(jittered);
        return retryAfter is { } serverSays && serverSays > delay ? serverSays : delay;
    }
}
