namespace PrivacyAssistant.BotFramework;

/// <summary>
/// Retry policy of connector calls: 429, 412, 502 and 504 are retried with exponential backoff and
/// jitter, never sooner than the server's <c>Retry-After</c>.
/// </summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Delay before the first retry; doubles each retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between attempts. A <c>Retry-After</c> longer than this ends the retries.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
