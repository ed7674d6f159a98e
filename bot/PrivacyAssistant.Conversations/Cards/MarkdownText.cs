using System.Text;
using System.Text.RegularExpressions;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>
/// Makes user-provided text safe to show in a Markdown TextBlock: characters that would format
/// the text or make a link (<c>* _ [ ] ( ) ` ~ \</c>, and list or heading markers at the start of a
/// line) are backslash-escaped, so what the user typed is shown literally. <c>&lt;</c> is escaped so
/// no HTML or <c>&lt;url&gt;</c> autolink forms, and the <c>:</c> of <c>://</c> and the dot of a
/// leading <c>www.</c> are escaped so a bare address is not turned into a clickable link. The
/// <c>&amp;</c> of an HTML character reference (<c>&amp;lt;</c>, <c>&amp;#91;</c>) is escaped because
/// Markdown decodes those: typed text would otherwise show as other characters. Spaces and tabs at
/// the start of a line are dropped (a paragraph does not show them; four would start a code block).
/// </summary>
public static partial class MarkdownText
{
    private const string Inline = "\\*_[]()`~{}|<";

    /// <summary>The escaped text.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart)
            {
                // Leading spaces and tabs are left out: a paragraph does not show them anyway, four of
                // them (or a tab) would make the line a code block, and a marker after them still formats.
                if (c is ' ' or '\t')
                {
                    continue;
                }

                if (c is '#' or '-' or '+' or '>' or '=')
                {
                    builder.Append('\\');
                }
                else if (char.IsDigit(c))
                {
                    var j = i;
                    while (j < text.Length && char.IsDigit(text[j]))
                    {
                        j++;
                    }

                    if (j < text.Length && text[j] is '.' or ')')
                    {
                        builder.Append(text, i, j - i).Append('\\').Append(text[j]);
                        i = j;
                        lineStart = false;
                        continue;
                    }
                }
            }

            if (Inline.Contains(c) || IsAutolinkMark(text, i) || (c == '&' && CharacterReference().IsMatch(text, i)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c is '\n' or '\r';
        }

        return builder.ToString();
    }

    /// <summary>The <c>:</c> of <c>scheme://</c>, or the dot of <c>www.</c> at the start of a word.</summary>
    private static bool IsAutolinkMark(string text, int i) =>
        (text[i] == ':' && string.CompareOrdinal(text, i + 1, "//", 0, 2) == 0)
        || (text[i] == '.' && i >= 3 && string.Compare(text, i - 3, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0
            && (i == 3 || !char.IsLetterOrDigit(text[i - 4])));

    /// <summary>What CommonMark decodes as a character reference: <c>&amp;name;</c>, <c>&amp;#123;</c>, <c>&amp;#x7B;</c>.</summary>
    [GeneratedRegex(@"\G&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")]
    private static partial Regex CharacterReference();
}
