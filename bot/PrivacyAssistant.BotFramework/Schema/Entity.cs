using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// Metadata attached to an activity, e.g. a <c>mention</c> or <c>clientInfo</c>. Only the type is
/// typed; the rest stays in <see cref="Properties"/>.
/// </summary>
public sealed class Entity
{
    /// <summary>Entity type.</summary>
    public string? Type { get; set; }

    /// <summary>All other fields of the entity.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
