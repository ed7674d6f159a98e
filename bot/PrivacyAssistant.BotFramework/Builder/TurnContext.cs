using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>The <see cref="ITurnContext"/> of one request to <c>/api/messages</c>.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly IConnectorClientFactory _connectorFactory;
    private readonly List<Activity> _bufferedReplies = [];
    private IConnectorClient? _connector;

    /// <summary>Creates the context of a turn for <paramref name="activity"/>.</summary>
    public TurnContext(Activity activity, BotCallerIdentity caller, IConnectorClientFactory connectorFactory)
    {
        Activity = activity;
        Caller = caller;
        _connectorFactory = connectorFactory;
        Language = BotLanguage.Of(activity);

        // Invokes are answered in the HTTP response by definition; expectReplies does not apply to them.
        ExpectsReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase)
            && !activity.IsType(ActivityTypes.Invoke);
    }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public BotCallerIdentity Caller { get; }

    /// <inheritdoc />
    public string Language { get; }

    /// <inheritdoc />
    public bool ExpectsReplies { get; }

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Replies buffered for an expectReplies turn, in order.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _bufferedReplies;

    /// <inheritdoc />
    public IConnectorClient Connector => _connector ??= _connectorFactory.Create(
        Activity.ServiceUrl ?? throw new InvalidOperationException("The incoming activity has no serviceUrl."));

    /// <inheritdoc />
    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Address(activity);
        activity.ReplyToId ??= Activity.Id;
        if (ExpectsReplies)
        {
            if (!activity.IsType(ActivityTypes.Typing))
            {
                _bufferedReplies.Add(activity);
            }

            return null;
        }

        var conversationId = ConversationId;
        return Activity.Id is { Length: > 0 } replyTo
            ? await Connector.ReplyToActivityAsync(conversationId, replyTo, activity, cancellationToken)
            : await Connector.SendToConversationAsync(conversationId, activity, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ResourceResponse?> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <inheritdoc />
    public async Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var id = activity.Id ?? throw new ArgumentException("The activity to update has no id.", nameof(activity));
        Address(activity);
        await Connector.UpdateActivityAsync(ConversationId, id, activity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SendTypingAsync(CancellationToken cancellationToken = default)
    {
        if (!ExpectsReplies)
        {
            await SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        }
    }

    private string ConversationId => Activity.Conversation?.Id is { Length: > 0 } id
        ? id
        : throw new InvalidOperationException("The incoming activity has no conversation id.");

    private void Address(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Activity.ChannelId;
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.Conversation ??= Activity.Conversation is { } conversation
            ? new ConversationAccount
            {
                Id = conversation.Id,
                IsGroup = conversation.IsGroup,
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId,
            }
            : null;
        activity.From ??= Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null;
        activity.Recipient ??= Activity.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId } : null;
    }
}
