namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Activity types used by Teams and this bot.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a user or the bot.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left, or the conversation changed.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The app was installed or uninstalled.</summary>
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>A request that expects a synchronous answer in the HTTP response.</summary>
    public const string Invoke = "invoke";

    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";

    /// <summary>A reaction was added to or removed from a message.</summary>
    public const string MessageReaction = "messageReaction";

    /// <summary>A named event.</summary>
    public const string Event = "event";

    /// <summary>A message was updated (Teams).</summary>
    public const string MessageUpdate = "messageUpdate";

    /// <summary>A message was deleted (Teams).</summary>
    public const string MessageDelete = "messageDelete";
}
