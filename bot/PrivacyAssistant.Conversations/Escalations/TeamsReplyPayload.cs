using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>Outbox payload of the <c>teams-reply</c> channel: the asker's conversation and the card with the desk's answer.</summary>
public sealed record TeamsReplyPayload(EscalationReplyAddress Address, JsonObject Card, string Summary, string Locale)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static TeamsReplyPayload FromPayload(string payload) =>
        JsonSerializer.Deserialize<TeamsReplyPayload>(payload, Json) ?? throw new JsonException("Empty Teams reply payload.");
}
