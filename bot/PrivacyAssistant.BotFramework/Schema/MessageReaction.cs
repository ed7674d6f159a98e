using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>A reaction to a message, e.g. <c>like</c>.</summary>
public sealed class MessageReaction
{
    /// <summary>Reaction type.</summary>
    public string? Type { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
