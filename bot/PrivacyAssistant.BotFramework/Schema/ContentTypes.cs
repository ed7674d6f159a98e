namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Content types of attachments and of Universal Actions invoke responses.</summary>
public static class ContentTypes
{
    /// <summary>An Adaptive Card attachment, or an invoke response whose value replaces the card.</summary>
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>An invoke response whose value is a text message.</summary>
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";

    /// <summary>An invoke response that reports an error.</summary>
    public const string Error = "application/vnd.microsoft.error";
}
