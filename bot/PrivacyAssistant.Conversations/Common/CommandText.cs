using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.Conversations.Common;

/// <summary>A typed command as the command handlers compare it with their phrases.</summary>
internal static class CommandText
{
    /// <summary>
    /// The message's text as <see cref="ActivityExtensions.GetTextWithoutMentions"/> gives it (mentions out, white space
    /// collapsed, trimmed) without trailing '.', '!' and '?'. A span rather than a string: every message passes the
    /// command handlers, and trimming a question's '?' as a string made one per turn.
    /// </summary>
    public static ReadOnlySpan<char> Of(Activity activity) => activity.GetTextWithoutMentions().AsSpan().TrimEnd(".!? ");
}
