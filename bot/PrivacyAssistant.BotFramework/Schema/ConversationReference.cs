using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Everything needed to message a conversation later (proactive messaging).</summary>
public sealed class ConversationReference
{
    /// <summary>Id of the activity the reference was taken from.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The user.</summary>
    public ChannelAccount? User { get; set; }

    /// <summary>The bot.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>Channel id.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Connector service URL.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Locale of the user.</summary>
    public string? Locale { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
