using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>An attachment: a card (inline <see cref="Content"/>) or a file (<see cref="ContentUrl"/>).</summary>
public sealed class Attachment
{
    /// <summary>MIME type, e.g. <see cref="ContentTypes.AdaptiveCard"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>URL of the content, for files.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>Inline content, e.g. the Adaptive Card JSON.</summary>
    public JsonNode? Content { get; set; }

    /// <summary>File name.</summary>
    public string? Name { get; set; }

    /// <summary>Thumbnail URL.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>An Adaptive Card attachment.</summary>
    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };
}
