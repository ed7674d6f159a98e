using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// Where the desk's answer to a forwarded question goes: the conversation the asker forwarded it
/// from. Only what a proactive message into that conversation needs (no user id, no name); stored
/// with the question because the asker consented to forwarding, and cleared once it is answered or closed.
/// </summary>
public sealed record EscalationReplyAddress(string ServiceUrl, string ConversationId, string? ChannelId, string? TenantId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The address of the activity's conversation; null when it lacks a service URL or conversation id.</summary>
    public static EscalationReplyAddress? From(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return null;
        }

        var tenant = activity.Conversation.TenantId;
        if (string.IsNullOrWhiteSpace(tenant) && activity.ChannelData is JsonObject { } channelData
            && channelData["tenant"] is JsonObject tenantObject && tenantObject["id"] is JsonValue id && id.TryGetValue<string>(out var fromChannelData))
        {
            tenant = fromChannelData;
        }

        return new EscalationReplyAddress(activity.ServiceUrl, activity.Conversation.Id, activity.ChannelId, tenant);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EscalationReplyAddress FromJson(string json) =>
        JsonSerializer.Deserialize<EscalationReplyAddress>(json, Json) ?? throw new JsonException("Empty reply address.");
}
