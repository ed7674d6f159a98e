using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>
/// A card bound once, with markers in place of some string values, and kept as UTF-8 JSON cut at the
/// markers: <see cref="With"/> puts the reply's strings into the holes as JSON strings (escaped by
/// System.Text.Json, as the reply's serialiser escapes them), so the result is byte for byte the card
/// bound with those strings, without binding the template or building a node tree per reply.
/// </summary>
/// <remarks>
/// Only for values a template uses whole (<c>"${question}"</c>): <see cref="TryCreate"/> refuses a card
/// in which a marker shows up any other way (interpolated into a text, escaped), and the callers' tests
/// compare the filled card with the bound one. Values go in as JSON string tokens, never as JSON text,
/// so a value cannot add card elements (as with the binder).
/// </remarks>
public sealed class PreboundCard
{
    private const string MarkerName = "PreboundCardHole";

    private readonly byte[][] _segments;
    private readonly int[] _holes;
    private readonly int _fixedLength;

    private PreboundCard(byte[][] segments, int[] holes)
    {
        _segments = segments;
        _holes = holes;
        _fixedLength = segments.Sum(s => s.Length);
    }

    /// <summary>
    /// The marker for value <paramref name="index"/>: bind the card with these as the values, then call
    /// <see cref="TryCreate"/>. Control characters, which no card text has, around a leading space and
    /// Markdown marks that <c>escapeMarkdown</c> would change (so an escaped marker is no hole).
    /// </summary>
    public static string Marker(int index) => $"\u0001 #*{MarkerName}{index}_\u0001";

    /// <summary>
    /// Cuts <paramref name="bound"/> (bound with <see cref="Marker"/>(0) to (<paramref name="values"/> − 1))
    /// at the markers; null when a marker occurs anywhere but as a whole string value.
    /// </summary>
    public static PreboundCard? TryCreate(JsonObject bound, int values)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(bound);
        var cuts = new List<(int Start, int Length, int Value)>();
        for (var value = 0; value < values; value++)
        {
            var token = JsonSerializer.SerializeToUtf8Bytes(Marker(value));
            for (var at = IndexOf(json, token, 0); at >= 0; at = IndexOf(json, token, at + token.Length))
            {
                cuts.Add((at, token.Length, value));
            }
        }

        // Every trace of a marker must be one of those whole values; one that was transformed is no hole.
        if (json.AsSpan().Count(System.Text.Encoding.UTF8.GetBytes(MarkerName)) != cuts.Count)
        {
            return null;
        }

        cuts.Sort((a, b) => a.Start.CompareTo(b.Start));
        var segments = new byte[cuts.Count + 1][];
        var from = 0;
        for (var i = 0; i < cuts.Count; i++)
        {
            segments[i] = json[from..cuts[i].Start];
            from = cuts[i].Start + cuts[i].Length;
        }

        segments[^1] = json[from..];
        return new PreboundCard(segments, cuts.Select(c => c.Value).ToArray());
    }

    /// <summary>
    /// The card with <paramref name="values"/> in its holes as UTF-8 JSON, put together only when written (into
    /// the reply, from pooled memory), so a reply holds no copy of the card.
    /// </summary>
    public Filled With(params ReadOnlySpan<string> values)
    {
        var tokens = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            tokens[i] = JsonSerializer.SerializeToUtf8Bytes(values[i]);
        }

        var length = _fixedLength;
        foreach (var hole in _holes)
        {
            length += tokens[hole].Length;
        }

        return new Filled(this, tokens, length);
    }

    /// <summary>A card's fixed parts and one reply's values (JSON string tokens); holds no copy of the card.</summary>
    public sealed class Filled : IUtf8JsonText
    {
        private readonly PreboundCard _card;
        private readonly byte[][] _tokens;

        internal Filled(PreboundCard card, byte[][] tokens, int length)
        {
            _card = card;
            _tokens = tokens;
            Length = length;
        }

        public int Length { get; }

        public void CopyTo(Span<byte> destination)
        {
            var segments = _card._segments;
            var holes = _card._holes;
            var at = 0;
            for (var i = 0; i < holes.Length; i++)
            {
                segments[i].CopyTo(destination[at..]);
                at += segments[i].Length;
                var token = _tokens[holes[i]];
                token.CopyTo(destination[at..]);
                at += token.Length;
            }

            segments[^1].CopyTo(destination[at..]);
        }
    }

    private static int IndexOf(byte[] json, byte[] token, int from)
    {
        var at = json.AsSpan(from).IndexOf(token);
        return at < 0 ? -1 : from + at;
    }
}
