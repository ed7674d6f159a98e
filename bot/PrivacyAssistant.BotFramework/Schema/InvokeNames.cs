namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Well-known <see cref="Activity.Name"/> values of invoke activities.</summary>
public static class InvokeNames
{
    /// <summary>An Adaptive Card <c>Action.Execute</c> (Universal Actions).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
