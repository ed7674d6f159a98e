using System.Text.Json;

namespace PrivacyAssistant.Notifications.Mail;

/// <summary>The outbox payload of the <see cref="GraphMailChannel"/>: subject and HTML body. Recipients come from configuration.</summary>
public sealed record MailContent(string Subject, string HtmlBody)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    public static MailContent FromPayload(string payload) =>
        JsonSerializer.Deserialize<MailContent>(payload, Json) ?? throw new JsonException("Empty mail payload.");
}
