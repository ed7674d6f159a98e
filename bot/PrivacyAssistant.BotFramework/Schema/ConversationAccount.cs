using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id; in Teams e.g. <c>a:1…</c> (personal) or <c>19:…@thread.tacv2</c> (channel).</summary>
    public string? Id { get; set; }

    /// <summary>Display name, if any.</summary>
    public string? Name { get; set; }

    /// <summary>True for group conversations.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    /// <summary>Entra ID tenant of the conversation (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
