using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>An attachment: a card (inline <see cref="Content"/>) or a file (<see cref="ContentUrl"/>).</summary>
public sealed class Attachment
{
    private JsonNode? _content;
    private ReadOnlyMemory<byte> _contentUtf8;
    private IUtf8JsonText? _contentText;

    /// <summary>MIME type, e.g. <see cref="ContentTypes.AdaptiveCard"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>URL of the content, for files.</summary>
    public string? ContentUrl { get; set; }

    /// <summary><see cref="Content"/> on the wire: the node, or the JSON text it was made from.
    /// Declared here so it is written where <c>content</c> always was (after <c>contentUrl</c>).</summary>
    [JsonInclude]
    [JsonPropertyName("content")]
    private WireJson? WireContent
    {
        get => _contentText is not null ? new WireJson(null, default, _contentText)
            : !_contentUtf8.IsEmpty ? new WireJson(null, _contentUtf8, null)
            : _content is null ? null : new WireJson(_content, default, null);
        set => Content = value?.Node;
    }

    /// <summary>Inline content, e.g. the Adaptive Card JSON.</summary>
    /// <remarks>
    /// An attachment made from JSON text (<see cref="AdaptiveCard(ReadOnlyMemory{byte})"/>) parses it on
    /// first access; until then it is written out as that text, without a node tree in between.
    /// </remarks>
    [JsonIgnore]
    public JsonNode? Content
    {
        get
        {
            if (_contentText is not null)
            {
                _contentUtf8 = _contentText.ToArray();
                _contentText = null;
            }

            if (!_contentUtf8.IsEmpty)
            {
                _content = JsonNode.Parse(_contentUtf8.Span);
                _contentUtf8 = default;
            }

            return _content;
        }

        set
        {
            _content = value;
            _contentUtf8 = default;
            _contentText = null;
        }
    }

    /// <summary>File name.</summary>
    public string? Name { get; set; }

    /// <summary>Thumbnail URL.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields this model does not type, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>An Adaptive Card attachment.</summary>
    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };

    /// <summary>
    /// An Adaptive Card attachment from the card's JSON text (UTF-8, one object, as System.Text.Json
    /// writes it with the default encoder): written into the reply as it is, parsed only if
    /// <see cref="Content"/> is read. For cards rendered once and sent many times.
    /// </summary>
    public static Attachment AdaptiveCard(ReadOnlyMemory<byte> cardUtf8)
    {
        if (cardUtf8.IsEmpty)
        {
            throw new ArgumentException("The card's JSON is empty.", nameof(cardUtf8));
        }

        return new Attachment { ContentType = ContentTypes.AdaptiveCard, _contentUtf8 = cardUtf8 };
    }

    /// <summary>
    /// An Adaptive Card attachment from JSON text put together when written (see <see cref="IUtf8JsonText"/>):
    /// as <see cref="AdaptiveCard(ReadOnlyMemory{byte})"/>, without keeping the whole text per reply.
    /// </summary>
    public static Attachment AdaptiveCard(IUtf8JsonText card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Length == 0)
        {
            throw new ArgumentException("The card's JSON is empty.", nameof(card));
        }

        return new Attachment { ContentType = ContentTypes.AdaptiveCard, _contentText = card };
    }
}
