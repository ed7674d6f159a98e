namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Values of <see cref="Activity.DeliveryMode"/>.</summary>
public static class DeliveryModes
{
    /// <summary>Replies go through the connector (the default).</summary>
    public const string Normal = "normal";

    /// <summary>All replies are returned in the HTTP response body as <c>{"activities":[...]}</c>.</summary>
    public const string ExpectReplies = "expectReplies";
}
