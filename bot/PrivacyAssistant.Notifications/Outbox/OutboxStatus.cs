namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>The <c>status</c> values of <c>notification_outbox</c>.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Abandoned = "abandoned";
}
