using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// An attachment's content as it goes over the wire: a node, or JSON text written as it is (a card
/// rendered once and kept as UTF-8, see <see cref="Attachment.AdaptiveCard(ReadOnlyMemory{byte})"/>).
/// </summary>
[JsonConverter(typeof(Converter))]
internal readonly record struct AttachmentContent(JsonNode? Node, ReadOnlyMemory<byte> Utf8, IUtf8JsonText? Text)
{
    private sealed class Converter : JsonConverter<AttachmentContent>
    {
        public override AttachmentContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            // As the serialiser reads a JsonNode property (its converter takes the case rule from the options).
            new(JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive }), default, null);

        public override void Write(Utf8JsonWriter writer, AttachmentContent value, JsonSerializerOptions options)
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
}
