namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>What a channel reports back. <see cref="ErrorCode"/> must be log-safe (status codes, error codes; no text from the payload).</summary>
/// <param name="Permanent">For a failure: retrying cannot help (e.g. the recipient blocked the bot), so the row is abandoned at once.</param>
public sealed record DeliveryOutcome(bool Delivered, string? Receipt, string? ErrorCode, TimeSpan? RetryAfter, bool Permanent = false)
{
    public static DeliveryOutcome Success(string? receipt = null) => new(true, receipt, null, null);

    public static DeliveryOutcome Retry(string errorCode, TimeSpan? retryAfter = null) => new(false, null, errorCode, retryAfter);

    /// <summary>A failure no retry can fix: the message is abandoned now instead of after <see cref="OutboxOptions.GiveUpAfter"/>.</summary>
    public static DeliveryOutcome GiveUp(string errorCode) => new(false, null, errorCode, null, Permanent: true);
}
