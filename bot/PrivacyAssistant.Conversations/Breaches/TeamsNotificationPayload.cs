using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>Outbox payload of the Teams channel: one recipient (Entra object id) and the card to send.</summary>
public sealed record TeamsNotificationPayload(string Recipient, JsonObject Card, string Summary)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static TeamsNotificationPayload FromPayload(string payload) =>
        JsonSerializer.Deserialize<TeamsNotificationPayload>(payload, Json) ?? throw new JsonException("Empty Teams payload.");
}
