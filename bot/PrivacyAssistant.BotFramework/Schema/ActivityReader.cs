using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// Reads the common shape of an incoming activity (a message: strings, the three accounts, entities, channel
/// data and value) straight from a <see cref="Utf8JsonReader"/>, or declines. What it accepts it reads into
/// exactly the <see cref="Activity"/> <c>JsonSerializer.Deserialize</c> would make with <see cref="BotJson.Options"/>;
/// anything else — a field of another case or unknown here, a field twice, a value of an unexpected kind,
/// attachments, members, reactions, any JSON or encoding error — makes it decline, and the caller deserialises as
/// before, so every other body (and every error and its JSON path) is read by the serialiser itself.
/// </summary>
/// <remarks>
/// Why: the serialiser kept a frame stack (≈ 500 B) per request and is the larger part of reading a turn's body
/// (RELIABILITY.md, session 12). Values that repeat from request to request in one deployment (type, channel,
/// service URL, tenant, the bot's own account, locale, formats) are taken from the last request's string for the
/// same field when their bytes are equal, so those strings are not made again; user ids, names and text always are.
/// </remarks>
public static class ActivityReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = BotJson.Options.MaxDepth == 0 ? 64 : BotJson.Options.MaxDepth,
        CommentHandling = BotJson.Options.ReadCommentHandling,
        AllowTrailingCommas = BotJson.Options.AllowTrailingCommas,
    };

    private static readonly RecentValue RecentType = new(), RecentChannelId = new(), RecentServiceUrl = new(), RecentLocale = new(),
        RecentTextFormat = new(), RecentDeliveryMode = new(), RecentConversationType = new(), RecentTenantId = new(),
        RecentBotId = new(), RecentBotName = new(), RecentEntityType = new();

    /// <summary>The activity in <paramref name="utf8Json"/> if it has the common shape; false to let the serialiser read it.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out Activity? activity)
    {
        activity = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var result = new Activity();
            if (!ReadActivity(ref reader, result, utf8Json))
            {
                return false;
            }

            // Nothing but white space may follow the object (the serialiser refuses anything else).
            if (reader.Read())
            {
                return false;
            }

            activity = result;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool ReadActivity(ref Utf8JsonReader reader, Activity activity, ReadOnlySpan<byte> utf8Json)
    {
        var seen = 0;
        while (NextField(ref reader, ActivityFields, ref seen, out var field))
        {
            if (field == EndOfObject)
            {
                return true;
            }

            var ok = field switch
            {
                0 => ReadString(ref reader, RecentType, out var type) && Set(activity.Type = type),
                1 => ReadString(ref reader, null, out var id) && Set(activity.Id = id),
                2 => ReadDateTimeOffset(ref reader, out var timestamp) && Set(activity.Timestamp = timestamp),
                3 => ReadDateTimeOffset(ref reader, out var localTimestamp) && Set(activity.LocalTimestamp = localTimestamp),
                4 => ReadString(ref reader, null, out var localTimezone) && Set(activity.LocalTimezone = localTimezone),
                5 => ReadString(ref reader, RecentServiceUrl, out var serviceUrl) && Set(activity.ServiceUrl = serviceUrl),
                6 => ReadString(ref reader, RecentChannelId, out var channelId) && Set(activity.ChannelId = channelId),
                7 => ReadAccount(ref reader, null, null, out var from) && Set(activity.From = from),
                8 => ReadConversation(ref reader, out var conversation) && Set(activity.Conversation = conversation),
                9 => ReadAccount(ref reader, RecentBotId, RecentBotName, out var recipient) && Set(activity.Recipient = recipient),
                10 => ReadString(ref reader, RecentTextFormat, out var textFormat) && Set(activity.TextFormat = textFormat),
                11 => ReadString(ref reader, RecentLocale, out var locale) && Set(activity.Locale = locale),
                12 => ReadString(ref reader, null, out var text) && Set(activity.Text = text),
                13 => ReadString(ref reader, null, out var summary) && Set(activity.Summary = summary),
                14 => ReadEntities(ref reader, out var entities) && Set(activity.Entities = entities),
                15 => ReadChannelData(ref reader, activity, utf8Json),
                16 => ReadString(ref reader, null, out var replyToId) && Set(activity.ReplyToId = replyToId),
                17 => ReadNode(ref reader, out var value) && Set(activity.Value = value),
                18 => ReadString(ref reader, null, out var name) && Set(activity.Name = name),
                19 => ReadString(ref reader, RecentDeliveryMode, out var deliveryMode) && Set(activity.DeliveryMode = deliveryMode),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    // The fields read here, by their exact wire names (another case is the serialiser's to match).
    private static readonly byte[][] ActivityFields =
    [
        "type"u8.ToArray(), "id"u8.ToArray(), "timestamp"u8.ToArray(), "localTimestamp"u8.ToArray(), "localTimezone"u8.ToArray(),
        "serviceUrl"u8.ToArray(), "channelId"u8.ToArray(), "from"u8.ToArray(), "conversation"u8.ToArray(), "recipient"u8.ToArray(),
        "textFormat"u8.ToArray(), "locale"u8.ToArray(), "text"u8.ToArray(), "summary"u8.ToArray(), "entities"u8.ToArray(),
        "channelData"u8.ToArray(), "replyToId"u8.ToArray(), "value"u8.ToArray(), "name"u8.ToArray(), "deliveryMode"u8.ToArray(),
    ];

    private static readonly byte[][] AccountFields = ["id"u8.ToArray(), "name"u8.ToArray(), "aadObjectId"u8.ToArray(), "role"u8.ToArray()];

    private static readonly byte[][] ConversationFields =
        ["id"u8.ToArray(), "name"u8.ToArray(), "isGroup"u8.ToArray(), "conversationType"u8.ToArray(), "tenantId"u8.ToArray()];

    private static bool Set<T>(T _) => true;

    private const int EndOfObject = -1;

    /// <summary>
    /// Moves to the next field of the object being read and onto its value: the field's index in
    /// <paramref name="fields"/>, or <see cref="EndOfObject"/> at its end. False (decline) for a field not in
    /// <paramref name="fields"/>, one already in <paramref name="seen"/>, or the end of the input.
    /// </summary>
    private static bool NextField(ref Utf8JsonReader reader, byte[][] fields, ref int seen, out int field)
    {
        field = EndOfObject;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return true;
        }

        field = Field(ref reader, fields);
        if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
        {
            return false;
        }

        seen |= 1 << field;
        return true;
    }

    /// <summary>The index of the property name the reader is on in <paramref name="fields"/>, or -1.</summary>
    private static int Field(ref Utf8JsonReader reader, byte[][] fields)
    {
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return -1;
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (reader.ValueTextEquals(fields[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        // Plain names (as channels send them) are compared as bytes.
        var name = reader.ValueSpan;
        for (var i = 0; i < fields.Length; i++)
        {
            if (name.SequenceEqual(fields[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ReadString(ref Utf8JsonReader reader, RecentValue? recent, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.String:
                value = recent is null ? reader.GetString() : recent.Read(ref reader);
                return true;
            default:
                value = null;
                return false;
        }
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    private static bool ReadDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool ReadAccount(ref Utf8JsonReader reader, RecentValue? recentId, RecentValue? recentName, out ChannelAccount? account)
    {
        account = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var result = new ChannelAccount();
        var seen = 0;
        while (NextField(ref reader, AccountFields, ref seen, out var field))
        {
            if (field == EndOfObject)
            {
                account = result;
                return true;
            }

            var ok = field switch
            {
                0 => ReadString(ref reader, recentId, out var id) && Set(result.Id = id),
                1 => ReadString(ref reader, recentName, out var name) && Set(result.Name = name),
                2 => ReadString(ref reader, null, out var aadObjectId) && Set(result.AadObjectId = aadObjectId),
                _ => ReadString(ref reader, null, out var role) && Set(result.Role = role),
            };
            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    private static bool ReadConversation(ref Utf8JsonReader reader, out ConversationAccount? conversation)
    {
        conversation = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var result = new ConversationAccount();
        var seen = 0;
        while (NextField(ref reader, ConversationFields, ref seen, out var field))
        {
            if (field == EndOfObject)
            {
                conversation = result;
                return true;
            }

            var ok = field switch
            {
                0 => ReadString(ref reader, null, out var id) && Set(result.Id = id),
                1 => ReadString(ref reader, null, out var name) && Set(result.Name = name),
                2 => ReadBoolean(ref reader, out var isGroup) && Set(result.IsGroup = isGroup),
                3 => ReadString(ref reader, RecentConversationType, out var conversationType) && Set(result.ConversationType = conversationType),
                _ => ReadString(ref reader, RecentTenantId, out var tenantId) && Set(result.TenantId = tenantId),
            };
            if (!ok)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Entities: objects whose <c>type</c> is typed and whose other fields go to <see cref="Entity.Properties"/>.</summary>
    private static bool ReadEntities(ref Utf8JsonReader reader, out List<Entity>? entities)
    {
        entities = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var result = new List<Entity>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                entities = result;
                return true;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var entity = new Entity();
            var typeSeen = false;
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    return false;
                }

                if (reader.ValueTextEquals("type"u8))
                {
                    if (typeSeen || !reader.Read() || !ReadString(ref reader, RecentEntityType, out var type))
                    {
                        return false;
                    }

                    typeSeen = true;
                    entity.Type = type;
                    continue;
                }

                var key = reader.GetString()!;
                // "Type" in another case is the typed field to the serialiser; a key twice is its to settle.
                if (key.Equals("type", StringComparison.OrdinalIgnoreCase) || (entity.Properties?.ContainsKey(key) ?? false) || !reader.Read())
                {
                    return false;
                }

                (entity.Properties ??= []).Add(key, JsonElement.ParseValue(ref reader));
            }

            result.Add(entity);
        }

        return false;
    }

    /// <summary>
    /// Channel data: an object or array is kept as its bytes (skipping it checks its syntax and depth, which is all the
    /// serialiser's node converter checks for them) and parsed only if read; anything else is read as a node now.
    /// </summary>
    private static bool ReadChannelData(ref Utf8JsonReader reader, Activity activity, ReadOnlySpan<byte> utf8Json)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            activity.SetIncomingChannelData(utf8Json[start..(int)reader.BytesConsumed].ToArray());
            return true;
        }

        return ReadNode(ref reader, out var channelData) && Set(activity.ChannelData = channelData);
    }

    /// <summary>A <see cref="JsonNode"/> field, read by the serialiser's own converter for it (null for <c>null</c>).</summary>
    private static bool ReadNode(ref Utf8JsonReader reader, out JsonNode? node)
    {
        node = reader.TokenType == JsonTokenType.Null ? null : NodeConverter.Read(ref reader, typeof(JsonNode), BotJson.Options);
        return true;
    }

    private static readonly JsonConverter<JsonNode?> NodeConverter = (JsonConverter<JsonNode?>)BotJson.Options.GetConverter(typeof(JsonNode));

    /// <summary>The last string read for one field, reused while the next request sends the same bytes.</summary>
    private sealed class RecentValue
    {
        private Entry? _last;

        public string Read(ref Utf8JsonReader reader)
        {
            // Compared as the bytes sent (unescaped strings only, as channels send these values).
            var last = _last;
            if (last is not null && !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.SequenceEqual(last.Utf8))
            {
                return last.Value;
            }

            var value = reader.GetString()!;
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                _last = new Entry(value, reader.ValueSpan.ToArray());
            }

            return value;
        }

        /// <summary>A value and its bytes, replaced together.</summary>
        private sealed record Entry(string Value, byte[] Utf8);
    }
}
