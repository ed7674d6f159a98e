using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// A JSON value as it goes over the wire (an attachment's content, an activity's channel data): a node, or
/// JSON text written as it is (a card rendered once and kept as UTF-8, see
/// <see cref="Attachment.AdaptiveCard(ReadOnlyMemory{byte})"/>; a reply's metadata put together when written).
/// </summary>
[JsonConverter(typeof(Converter))]
internal readonly record struct WireJson(JsonNode? Node, ReadOnlyMemory<byte> Utf8, IUtf8JsonText? Text)
{
    private sealed class Converter : JsonConverter<WireJson>
    {
        public override WireJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            // As the serialiser reads a JsonNode property (its converter takes the case rule from the options).
            new(JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive }), default, null);

        public override void Write(Utf8JsonWriter writer, WireJson value, JsonSerializerOptions options) => WriteValue(writer, value, options);
    }

    /// <summary>
    /// For a property that was a <see cref="JsonNode"/> (an activity's channel data): reads exactly as the serialiser reads a
    /// <see cref="JsonNode"/> property (its own converter: a string value is read, and refused, as it always was), writes as
    /// <see cref="WireJson"/>.
    /// </summary>
    internal sealed class NodePropertyConverter : JsonConverter<WireJson?>
    {
        public override WireJson? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new WireJson(((JsonConverter<JsonNode?>)options.GetConverter(typeof(JsonNode))).Read(ref reader, typeof(JsonNode), options), default, null);

        public override void Write(Utf8JsonWriter writer, WireJson? value, JsonSerializerOptions options)
        {
            if (value is { } json)
            {
                WriteValue(writer, json, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, WireJson value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            // Put together in pooled memory just for this write (WriteRawValue copies it into the output).
            var length = text.Length;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                text.CopyTo(buffer);
                writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        else if (!value.Utf8.IsEmpty)
        {
            // Our own serialiser's output (Attachment.AdaptiveCard): no second validation per reply.
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
        }
        else if (value.Node is { } node)
        {
            node.WriteTo(writer, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
