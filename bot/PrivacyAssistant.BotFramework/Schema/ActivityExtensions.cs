using System.Text.Json;
using System.Text.RegularExpressions;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Helpers to read Teams-specific parts of an activity.</summary>
public static partial class ActivityExtensions
{
    /// <summary>The Teams channel data, or null when absent or not an object.</summary>
    public static TeamsChannelData? GetTeamsChannelData(this Activity activity)
    {
        if (activity.ChannelData is not System.Text.Json.Nodes.JsonObject)
        {
            return null;
        }

        try
        {
            return activity.ChannelData.Deserialize<TeamsChannelData>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The tenant id from Teams channel data, else from the conversation.</summary>
    public static string? GetTenantId(this Activity activity) =>
        activity.GetTeamsChannelData()?.Tenant?.Id ?? activity.Conversation?.TenantId;

    /// <summary>
    /// The message text without <c>&lt;at&gt;…&lt;/at&gt;</c> mentions (Teams puts the bot's mention in the
    /// text in channels and group chats), runs of white space as one space (<see cref="Whitespace.Collapse"/>),
    /// trimmed. Empty when there is no text.
    /// </summary>
    public static string GetTextWithoutMentions(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        if (text.Contains("<at>", StringComparison.OrdinalIgnoreCase))
        {
            text = AtMention().Replace(text, " ");
        }

        return Whitespace.Collapse(text).Trim();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AtMention();
}
