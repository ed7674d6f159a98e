using System.Buffers;
using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Lucene's <see cref="MappingCharFilter"/> for a handful of mappings, over the text read at once:
/// at each position the longest mapping that matches replaces it (greedy, the replacement is not
/// read again), and offsets are corrected with the same calls, so the output and every corrected
/// offset are Lucene's. Lucene.NET's MappingCharFilter wraps every input in a reader with a 16 KB
/// buffer, and <see cref="KnowledgeAnalyzer"/> sets up its char filters for every text it analyses:
/// two to four times per question, a third of all the bytes a turn allocated (RELIABILITY.md, session 7).
/// </summary>
internal sealed class TextMappingCharFilter : BaseCharFilter
{
    private readonly string _output;
    private int _next;

    /// <param name="mappings">Pairs of text and replacement (the replacement may be empty); each text at most once.</param>
    public TextMappingCharFilter(IReadOnlyList<KeyValuePair<string, string>> mappings, TextReader input)
        : base(input)
    {
        var text = ReadAll(input);
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var position = 0;
        while (position < text.Length)
        {
            var match = LongestMatch(mappings, text, position);
            if (match < 0)
            {
                position++;
                continue;
            }

            var (from, to) = (mappings[match].Key, mappings[match].Value);
            output ??= new StringBuilder(text.Length);
            output.Append(text, copiedUpTo, position - copiedUpTo).Append(to);
            position += from.Length;
            copiedUpTo = position;

            // MappingCharFilter.Read's correction, with its inputOff (the input read so far) = position.
            var diff = from.Length - to.Length;
            if (diff != 0)
            {
                var previous = LastCumulativeDiff;
                if (diff > 0)
                {
                    AddOffCorrectMap(position - diff - previous, previous + diff);
                }
                else
                {
                    var outputStart = position - previous;
                    for (var extra = 0; extra < -diff; extra++)
                    {
                        AddOffCorrectMap(outputStart + extra, previous - extra - 1);
                    }
                }
            }
        }

        _output = output is null ? text : output.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var available = Math.Min(count, _output.Length - _next);
        if (available <= 0)
        {
            return -1; // Lucene's readers end with -1, as MappingCharFilter does.
        }

        _output.CopyTo(_next, buffer, index, available);
        _next += available;
        return available;
    }

    public override int Read() => _next < _output.Length ? _output[_next++] : -1;

    public override int Peek() => _next < _output.Length ? _output[_next] : -1;

    /// <summary>The whole output, for a filter on top that would otherwise read it all through a buffer (nothing is left to read here).</summary>
    internal string TakeText()
    {
        var rest = _next == 0 ? _output : _output[_next..];
        _next = _output.Length;
        return rest;
    }

    private static int LongestMatch(IReadOnlyList<KeyValuePair<string, string>> mappings, string text, int position)
    {
        var best = -1;
        for (var i = 0; i < mappings.Count; i++)
        {
            var from = mappings[i].Key;
            if ((best < 0 || from.Length > mappings[best].Key.Length) && text.AsSpan(position).StartsWith(from, StringComparison.Ordinal))
            {
                best = i;
            }
        }

        return best;
    }

    // Lucene's string readers end with -1 rather than 0, which TextReader.ReadToEnd does not expect.
    internal static string ReadAll(TextReader input)
    {
        var chunk = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            var length = 0;
            int read;
            while ((read = input.Read(chunk, length, chunk.Length - length)) > 0)
            {
                length += read;
                if (length == chunk.Length)
                {
                    var larger = ArrayPool<char>.Shared.Rent(chunk.Length * 2);
                    Array.Copy(chunk, larger, length);
                    ArrayPool<char>.Shared.Return(chunk);
                    chunk = larger;
                }
            }

            return new string(chunk, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }
}
