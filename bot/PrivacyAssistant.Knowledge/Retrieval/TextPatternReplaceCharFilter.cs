using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Pattern;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Lucene's <see cref="PatternReplaceCharFilter"/> step for step (each match replaced on its own, the
/// same offset corrections, offsets never below 0), without its copies: Lucene.NET reads the input
/// through a 2 KB buffer into a builder, copies that to a string and the result to another builder and
/// a reader, for every analysed text, where most questions have no match at all. Over
/// <see cref="TextMappingCharFilter"/> it takes that filter's text as it is (<see cref="WholeTextCharFilter"/>).
/// </summary>
internal sealed class TextPatternReplaceCharFilter : WholeTextCharFilter
{
    public TextPatternReplaceCharFilter(Regex pattern, string replacement, TextReader input)
        : base(input)
    {
        var text = ReadInput(input);
        SetOutput(pattern.IsMatch(text) ? Replace(pattern, replacement, text) : text);
    }

    protected override int Correct(int currentOff) => Math.Max(0, base.Correct(currentOff));

    // PatternReplaceCharFilter.ProcessPattern as Lucene.NET 4.8 has it, including replacing each match
    // on its own (pattern.Replace(match, replacement, 1)) rather than with Match.Result.
    private string Replace(Regex pattern, string replacement, string text)
    {
        var output = new StringBuilder(text.Length + 16);
        var cumulative = 0;
        var lastMatchEnd = 0;
        for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var lengthBeforeReplacement = output.Length + (match.Index - lastMatchEnd);
            output.Append(text, lastMatchEnd, match.Index - lastMatchEnd);
            var groupSize = match.Length;
            lastMatchEnd = match.Index + match.Length;
            output.Append(pattern.Replace(match.Value, replacement, 1));
            var replacementSize = output.Length - lengthBeforeReplacement;
            if (groupSize == replacementSize)
            {
                continue;
            }

            if (replacementSize < groupSize)
            {
                cumulative += groupSize - replacementSize;
                AddOffCorrectMap(lengthBeforeReplacement + replacementSize, cumulative);
            }
            else
            {
                // Every added character points to the last character of the match.
                for (var i = groupSize; i < replacementSize; i++)
                {
                    AddOffCorrectMap(lengthBeforeReplacement + i, --cumulative);
                }
            }
        }

        return output.Append(text, lastMatchEnd, text.Length - lastMatchEnd).ToString();
    }
}
