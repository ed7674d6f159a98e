namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>The connector's answer to a send, reply or update: the id of the activity.</summary>
public sealed class ResourceResponse
{
    /// <summary>Activity id; may be missing (some connectors answer 202 without a body).</summary>
    public string? Id { get; set; }
}
