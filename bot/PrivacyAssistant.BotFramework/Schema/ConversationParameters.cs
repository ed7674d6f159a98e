using System.Text.Json.Nodes;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Body of <c>POST /v3/conversations</c> (create a conversation, e.g. a 1:1 chat for a proactive message).</summary>
public sealed class ConversationParameters
{
    /// <summary>False for a 1:1 chat.</summary>
    public bool IsGroup { get; set; }

    /// <summary>The bot (<c>28:&lt;appId&gt;</c> in Teams).</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>Members; for a 1:1 chat the one user.</summary>
    public List<ChannelAccount>? Members { get; set; }

    /// <summary>Topic of a group conversation.</summary>
    public string? TopicName { get; set; }

    /// <summary>Entra ID tenant (required by Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>First activity to send in the new conversation.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Channel-specific payload, e.g. Teams <c>{"tenant":{"id":…}}</c>.</summary>
    public JsonNode? ChannelData { get; set; }
}
