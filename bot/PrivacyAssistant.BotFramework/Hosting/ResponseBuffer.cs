using System.Buffers;
using System.Text.Json;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>
/// A buffer and JSON writer per thread for serialising a response body before it is copied into the
/// response: one array per reply (a few KB, the largest share of a turn's garbage outside answering)
/// becomes none. Use synchronously: <see cref="Serialize"/>, copy the result, <see cref="Release"/>.
/// </summary>
internal static class ResponseBuffer
{
    /// <summary>A buffer that grew beyond this (a large card) is dropped after use rather than kept by the thread.</summary>
    private const int KeepAtMost = 64 * 1024;

    // What JsonSerializer.SerializeToUtf8Bytes derives from the options (the serialiser checks depth itself).
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = BotJson.Options.Encoder,
        Indented = BotJson.Options.WriteIndented,
        IndentCharacter = BotJson.Options.IndentCharacter,
        IndentSize = BotJson.Options.IndentSize,
        NewLine = BotJson.Options.NewLine,
        MaxDepth = BotJson.Options.MaxDepth == 0 ? 64 : BotJson.Options.MaxDepth,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// <paramref name="body"/> as JSON with <see cref="BotJson.Options"/> (the bytes
    /// <c>JsonSerializer.SerializeToUtf8Bytes</c> gives); valid until <see cref="Release"/> on this thread.
    /// </summary>
    public static ReadOnlyMemory<byte> Serialize(object body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        JsonSerializer.Serialize(writer, body, body.GetType(), BotJson.Options);
        writer.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>Ends the use of this thread's buffer.</summary>
    public static void Release()
    {
        if (t_buffer is { Capacity: > KeepAtMost })
        {
            t_buffer = null;
            t_writer?.Dispose();
            t_writer = null;
        }
    }
}
