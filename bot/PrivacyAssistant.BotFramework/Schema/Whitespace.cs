using System.Text.RegularExpressions;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>Runs of white space as one space, for reading typed commands and questions.</summary>
public static partial class Whitespace
{
    /// <summary>
    /// <c>Regex.Replace(text, @"\s+", " ")</c>, returning <paramref name="text"/> itself when that would change
    /// nothing (its only white space is single ' ' characters, as in nearly every message). Several handlers read
    /// the text of every turn this way; the regex made a new string each time (RELIABILITY.md, session 11).
    /// </summary>
    public static string Collapse(string text) => IsCollapsed(text) ? text : Runs().Replace(text, " ");

    /// <summary>True when <see cref="Collapse"/> would leave <paramref name="text"/> as it is (its only white space is single ' ').</summary>
    public static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        var previousWasSpace = false;
        foreach (var c in text)
        {
            // .NET's \s is exactly char.IsWhiteSpace (\f \n \r \t \v, U+0085 and the separator categories \p{Z}).
            if (char.IsWhiteSpace(c))
            {
                if (c != ' ' || previousWasSpace)
                {
                    return false;
                }

                previousWasSpace = true;
            }
            else
            {
                previousWasSpace = false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Runs();
}
