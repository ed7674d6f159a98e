using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>
/// Client of the Bot Connector REST API (v3) at one service URL. Calls are authenticated with the
/// bot's token (none in local mode) and retried on throttling; failures throw <see cref="ConnectorException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary>The connector's base URL.</summary>
    Uri ServiceUrl { get; }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>: a new message in the conversation.</summary>
    Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{activityId}</c>: a reply to an activity.</summary>
    Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replaces an activity the bot sent (e.g. a card).</summary>
    Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/conversations</c>: starts a conversation, e.g. a 1:1 chat for a proactive message.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/conversations/{conversationId}/members</c>.</summary>
    Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/conversations/{conversationId}/members/{memberId}</c>; null when not found.</summary>
    Task<ChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default);
}
