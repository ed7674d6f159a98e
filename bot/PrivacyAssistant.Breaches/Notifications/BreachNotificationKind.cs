namespace PrivacyAssistant.Breaches.Notifications;

public enum BreachNotificationKind
{
    /// <summary>A new report arrived.</summary>
    Reported,

    /// <summary>A report passed the warning time without an AP decision.</summary>
    DecisionOverdue,
}
