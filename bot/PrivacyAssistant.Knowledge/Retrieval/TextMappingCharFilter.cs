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
internal sealed class TextMappingCharFilter : WholeTextCharFilter
{
    /// <param name="mappings">Pairs of text and replacement (the replacement may be empty); each text at most once.</param>
    public TextMappingCharFilter(IReadOnlyList<KeyValuePair<string, string>> mappings, TextReader input)
        : this(mappings, FirstCharacters(mappings), input)
    {
    }

    /// <param name="mappings">Pairs of text and replacement (the replacement may be empty); each text, not empty, at most once.</param>
    /// <param name="firstCharacters">The first character of every text of <paramref name="mappings"/> (<see cref="FirstCharacters"/>), worked out once by the caller.</param>
    public TextMappingCharFilter(IReadOnlyList<KeyValuePair<string, string>> mappings, SearchValues<char> firstCharacters, TextReader input)
        : base(input)
    {
        var text = ReadInput(input);
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var position = 0;
        while (position < text.Length)
        {
            // No mapping can start where none of their first characters is: skip to the next place one
            // is (what trying every mapping at every position and moving on by one would come to).
            var next = text.AsSpan(position).IndexOfAny(firstCharacters);
            if (next < 0)
            {
                break;
            }

            position += next;
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

        SetOutput(output is null ? text : output.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString());
    }

    /// <summary>The first character of each mapped text (a mapping of the empty text is not supported).</summary>
    public static SearchValues<char> FirstCharacters(IReadOnlyList<KeyValuePair<string, string>> mappings)
    {
        foreach (var mapping in mappings)
        {
            ArgumentException.ThrowIfNullOrEmpty(mapping.Key, nameof(mappings));
        }

        return SearchValues.Create([.. mappings.Select(m => m.Key[0]).Distinct()]);
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
}
