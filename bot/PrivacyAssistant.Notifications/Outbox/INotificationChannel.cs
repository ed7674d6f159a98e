namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>
/// A delivery route (Graph mail, Teams proactive message). Register with
/// <see cref="NotificationsServiceCollectionExtensions.AddNotificationChannel{TChannel}"/>.
/// Throwing is treated like <see cref="DeliveryOutcome.Retry"/> with the exception type as code.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>Read from options at run time, so configuration can switch a channel on or off without re-registering it.</summary>
    bool IsEnabled { get; }

    Task<DeliveryOutcome> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken);
}
