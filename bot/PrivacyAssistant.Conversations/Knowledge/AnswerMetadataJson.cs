using System.Text;
using System.Text.Json;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary>
/// A reply's channel data holding just the answer metadata, <c>{"privacyAssistant":{"entryId":…,"decision":…}}</c>,
/// as the JSON text a <c>JsonObject</c> of the two would be written as, put together when the reply is written:
/// the two <c>JsonObject</c>s, their dictionaries and values were ≈ 700 B of garbage per reply (RELIABILITY.md, session 12).
/// </summary>
internal sealed class AnswerMetadataJson : IUtf8JsonText
{
    private static readonly byte[] Start = Encoding.UTF8.GetBytes("{\"" + AnswerMetadata.Property + "\":{\"entryId\":");
    private static readonly byte[] Null = "null"u8.ToArray();
    private static readonly byte[] Decision = ",\"decision\":"u8.ToArray();
    private static readonly byte[] End = "}}"u8.ToArray();

    private readonly string? _entryId;
    private readonly string _decision;
    private readonly byte[]? _escapedEntryId;
    private readonly byte[]? _escapedDecision;

    public AnswerMetadataJson(string? entryId, string decision)
    {
        _entryId = entryId;
        _decision = decision;
        // Entry ids and decisions are plain slugs; anything else is escaped as the serialiser would (default encoder).
        _escapedEntryId = entryId is null || IsPlain(entryId) ? null : JsonEncodedText.Encode(entryId, BotJson.Options.Encoder).EncodedUtf8Bytes.ToArray();
        _escapedDecision = IsPlain(decision) ? null : JsonEncodedText.Encode(decision, BotJson.Options.Encoder).EncodedUtf8Bytes.ToArray();
        Length = Start.Length + (_entryId is null ? Null.Length : QuotedLength(_entryId, _escapedEntryId))
            + Decision.Length + QuotedLength(_decision, _escapedDecision) + End.Length;
    }

    /// <summary>The entry id written (null when the reply shows no entry).</summary>
    public string? EntryId => _entryId;

    /// <summary>The decision written, as on the wire.</summary>
    public string DecisionText => _decision;

    public int Length { get; }

    public void CopyTo(Span<byte> destination)
    {
        var at = Copy(Start, destination, 0);
        at = _entryId is null ? Copy(Null, destination, at) : CopyQuoted(_entryId, _escapedEntryId, destination, at);
        at = Copy(Decision, destination, at);
        at = CopyQuoted(_decision, _escapedDecision, destination, at);
        Copy(End, destination, at);
    }

    /// <summary>ASCII letters, digits, '-', '_' and '.': characters no JSON encoder escapes.</summary>
    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static int QuotedLength(string text, byte[]? escaped) => 2 + (escaped?.Length ?? text.Length);

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination, int at)
    {
        source.CopyTo(destination[at..]);
        return at + source.Length;
    }

    private static int CopyQuoted(string text, byte[]? escaped, Span<byte> destination, int at)
    {
        destination[at++] = (byte)'"';
        if (escaped is not null)
        {
            at = Copy(escaped, destination, at);
        }
        else
        {
            at += Encoding.ASCII.GetBytes(text, destination[at..]);
        }

        destination[at++] = (byte)'"';
        return at;
    }
}
