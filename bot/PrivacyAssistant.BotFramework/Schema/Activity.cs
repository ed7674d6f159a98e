using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity (botframework-sdk <c>specs/botframework-activity</c>): the unit of
/// everything a channel sends to the bot and the bot sends back. Only the fields this product
/// uses are typed; every other field is kept in <see cref="AdditionalProperties"/> so it
/// round-trips unchanged.
/// </summary>
public sealed class Activity
{
    private JsonNode? _channelData;
    private IUtf8JsonText? _channelDataText;
    private byte[]? _channelDataUtf8;

    /// <summary>Activity type, see <see cref="ActivityTypes"/>. Required on incoming activities.</summary>
    public string? Type { get; set; }

    /// <summary>Id the channel assigned to the activity.</summary>
    public string? Id { get; set; }

    /// <summary>UTC time the activity was sent.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Local time of the sender, with its offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone of the sender.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Base URL of the channel's connector service; replies go here.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Channel id, e.g. <c>msteams</c>. Required on incoming activities.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>Conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>Receiver (on incoming activities: the bot).</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>Format of <see cref="Text"/>: <c>markdown</c>, <c>plain</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>Layout of several attachments: <c>list</c> or <c>carousel</c>.</summary>
    public string? AttachmentLayout { get; set; }

    /// <summary>Members added (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members removed (conversationUpdate).</summary>
    public List<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Reactions added (messageReaction).</summary>
    public List<MessageReaction>? ReactionsAdded { get; set; }

    /// <summary>Reactions removed (messageReaction).</summary>
    public List<MessageReaction>? ReactionsRemoved { get; set; }

    /// <summary>Sender's locale, e.g. <c>nl-NL</c>. May be missing or odd; never reject for it.</summary>
    public string? Locale { get; set; }

    /// <summary>Message text.</summary>
    public string? Text { get; set; }

    /// <summary>Short summary shown where attachments cannot be.</summary>
    public string? Summary { get; set; }

    /// <summary>Attachments, e.g. Adaptive Cards.</summary>
    public List<Attachment>? Attachments { get; set; }

    /// <summary>Entities such as mentions and client info.</summary>
    public List<Entity>? Entities { get; set; }

    /// <summary><see cref="ChannelData"/> on the wire: the node, or the JSON text given for it (<see cref="ChannelDataText"/>).
    /// Declared here so it is written where <c>channelData</c> always was (after <c>entities</c>).</summary>
    [JsonInclude]
    [JsonPropertyName("channelData")]
    [JsonConverter(typeof(WireJson.NodePropertyConverter))]
    private WireJson? WireChannelData
    {
        get => _channelDataText is not null ? new WireJson(null, default, _channelDataText)
            : ChannelData is { } node ? new WireJson(node, default, null) : null;
        set => ChannelData = value?.Node;
    }

    /// <summary>Channel-specific payload. For Teams see <see cref="TeamsChannelData"/>.</summary>
    /// <remarks>
    /// Channel data given as <see cref="ChannelDataText"/>, or kept as the request's bytes by <see cref="ActivityReader"/>
    /// (most turns never read it), is parsed on first access.
    /// </remarks>
    [JsonIgnore]
    public JsonNode? ChannelData
    {
        get
        {
            if (_channelDataText is { } text)
            {
                _channelData = JsonNode.Parse(text.ToArray());
                _channelDataText = null;
            }

            if (_channelDataUtf8 is { } utf8)
            {
                // The node the serialiser makes for a JsonNode property from these bytes (same converter, same options).
                _channelData = JsonSerializer.Deserialize<JsonNode>(utf8, BotJson.Options);
                _channelDataUtf8 = null;
            }

            return _channelData;
        }

        set
        {
            _channelData = value;
            _channelDataText = null;
            _channelDataUtf8 = null;
        }
    }

    /// <summary>Channel data (an object or array) as it came in, read by the serialiser when <see cref="ChannelData"/> is first read.</summary>
    internal void SetIncomingChannelData(byte[] utf8)
    {
        _channelDataUtf8 = utf8;
        _channelData = null;
        _channelDataText = null;
    }

    /// <summary>
    /// Channel data as JSON text (one object, as System.Text.Json writes it with the default encoder), written into
    /// the reply as it is, without a node tree per reply; null once <see cref="ChannelData"/> has been read or set.
    /// </summary>
    [JsonIgnore]
    public IUtf8JsonText? ChannelDataText
    {
        get => _channelDataText;
        set
        {
            _channelDataText = value;
            _channelData = null;
            _channelDataUtf8 = null;
        }
    }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Id of the activity this one replies to; for Action.Submit the id of the card's activity.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Invoke payload, or Action.Submit data merged with the card's inputs.</summary>
    public JsonNode? Value { get; set; }

    /// <summary>Invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Reference to another conversation (event and invoke activities).</summary>
    public ConversationReference? RelatesTo { get; set; }

    /// <summary><c>normal</c> (default) or <c>expectReplies</c>, see <see cref="DeliveryModes"/>.</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>True when <see cref="Type"/> equals <paramref name="type"/> (case-insensitive, as channels vary).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Creates a message that replies to this activity: sender and recipient swapped, same
    /// conversation, channel and service URL, <see cref="ReplyToId"/> set.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            IsGroup = Conversation.IsGroup,
            ConversationType = Conversation.ConversationType,
            TenantId = Conversation.TenantId,
            Name = Conversation.Name,
        },
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        ReplyToId = Id,
        Locale = Locale,
    };

    /// <summary>A reference that lets the bot message this conversation later (proactively).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };
}
