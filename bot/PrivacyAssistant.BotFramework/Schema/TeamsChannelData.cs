using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>The part of Teams' <c>channelData</c> this product reads. Teams always sends the tenant.</summary>
public sealed class TeamsChannelData
{
    /// <summary>The Entra ID tenant.</summary>
    public TenantInfo? Tenant { get; set; }

    /// <summary>Teams event type on conversationUpdate, e.g. <c>teamMemberAdded</c>.</summary>
    public string? EventType { get; set; }

    /// <summary>All other fields.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>An Entra ID tenant reference.</summary>
public sealed class TenantInfo
{
    /// <summary>Tenant id.</summary>
    public string? Id { get; set; }
}
