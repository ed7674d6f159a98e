using System.Buffers;
using Lucene.Net.Analysis.CharFilters;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// A char filter that reads its input at once and hands out its whole output from one string, for
/// <see cref="TextMappingCharFilter"/> and <see cref="TextPatternReplaceCharFilter"/>: Lucene.NET's own
/// filters copy every analysed text through buffers and builders several times (RELIABILITY.md,
/// session 7). A subclass works out its output and offset corrections in its constructor and calls
/// <see cref="SetOutput"/>.
/// </summary>
internal abstract class WholeTextCharFilter(TextReader input) : BaseCharFilter(input)
{
    private string _output = string.Empty;
    private int _next;

    public override int Read(char[] buffer, int index, int count)
    {
        var available = Math.Min(count, _output.Length - _next);
        if (available <= 0)
        {
            return -1; // Lucene's readers end with -1, as its char filters do.
        }

        _output.CopyTo(_next, buffer, index, available);
        _next += available;
        return available;
    }

    public override int Read() => _next < _output.Length ? _output[_next++] : -1;

    public override int Peek() => _next < _output.Length ? _output[_next] : -1;

    protected void SetOutput(string output) => _output = output;

    /// <summary>
    /// The text to filter: the output of a filter of this kind underneath as it is (nothing is left to
    /// read there), otherwise everything <paramref name="input"/> has.
    /// </summary>
    protected static string ReadInput(TextReader input)
    {
        if (input is WholeTextCharFilter whole)
        {
            var rest = whole._next == 0 ? whole._output : whole._output[whole._next..];
            whole._next = whole._output.Length;
            return rest;
        }

        return ReadAll(input);
    }

    // Lucene's string readers end with -1 rather than 0, which TextReader.ReadToEnd does not expect.
    private static string ReadAll(TextReader input)
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
