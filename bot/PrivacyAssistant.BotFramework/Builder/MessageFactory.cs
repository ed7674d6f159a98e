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
}
