namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Answer to <c>POST /v3/conversations</c>.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>Id of the new conversation.</summary>
    public string? Id { get; set; }

    /// <summary>Id of the first activity, if one was sent.</summary>
    public string? ActivityId { get; set; }

    /// <summary>Service URL to use for the conversation, if the connector names one.</summary>
    public string? ServiceUrl { get; set; }
}
