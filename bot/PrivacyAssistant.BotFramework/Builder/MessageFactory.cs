using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>Builds outgoing messages; <see cref="ITurnContext"/> fills in the addressing.</summary>
public static class MessageFactory
{
    /// <summary>A text message (Markdown, as Teams renders it).</summary>
    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };

    /// <summary>A message carrying one Adaptive Card; <paramref name="summary"/> is shown in notifications.</summary>
    public static Activity Card(JsonObject card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [Attachment.AdaptiveCard(card)],
    };

    /// <summary>
    /// A message carrying one Adaptive Card given as UTF-8 JSON (a card rendered once and kept), which goes
    /// into the reply as it is; see <see cref="Attachment.AdaptiveCard(ReadOnlyMemory{byte})"/>.
    /// </summary>
    public static Activity Card(ReadOnlyMemory<byte> cardUtf8, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [Attachment.AdaptiveCard(cardUtf8)],
    };

    /// <summary>
    /// A message carrying one Adaptive Card given as JSON text put together when written (a card rendered
    /// once with holes filled per reply); see <see cref="Attachment.AdaptiveCard(IUtf8JsonText)"/>.
    /// </summary>
    public static Activity Card(IUtf8JsonText card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [Attachment.AdaptiveCard(card)],
    };
}
