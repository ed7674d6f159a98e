namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>What a channel reports back. <see cref="ErrorCode"/> must be log-safe (status codes, error codes; no text from the payload).</summary>
public sealed record DeliveryOutcome(bool Delivered, string? Receipt, string? ErrorCode, TimeSpan? RetryAfter)
{
    public static DeliveryOutcome Success(string? receipt = null) => new(true, receipt, null, null);

    public static DeliveryOutcome Retry(string errorCode, TimeSpan? retryAfter = null) => new(false, null, errorCode, retryAfter);
}
