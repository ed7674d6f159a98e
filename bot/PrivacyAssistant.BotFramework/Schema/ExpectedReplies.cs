namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>HTTP response body for a turn with <c>deliveryMode: expectReplies</c>.</summary>
public sealed class ExpectedReplies
{
    /// <summary>The bot's replies, in order.</summary>
    public List<Activity> Activities { get; set; } = [];
}
