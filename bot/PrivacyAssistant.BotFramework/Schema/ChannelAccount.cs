using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>A user or bot in a conversation. In Teams users are <c>29:…</c> and bots <c>28:&lt;appId&gt;</c>.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel-specific id.</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Entra ID object id of the user (Teams).</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
