using System.Globalization;
using System.Text;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>Lowercases and strips accents and apostrophes the way the analyzers do (for word lists).</summary>
public static class TextNormalizer
{
    public static string Fold(string text)
    {
        // Most words are plain ASCII, where decomposing changes nothing and lowercasing is A-Z to a-z:
        // the redactor folds every word of every question several times (RELIABILITY.md, session 7).
        return Ascii.IsValid(text) ? FoldAscii(text) : FoldAnyText(text);
    }

    /// <summary>The folding for any text: lowercase, decompose, drop marks and apostrophes, recompose (what the ASCII shortcut must equal).</summary>
    internal static string FoldAnyText(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string FoldAscii(string text)
    {
        var changes = false;
        var length = 0;
        foreach (var c in text)
        {
            changes |= c is '\'' or (>= 'A' and <= 'Z');
            length += c == '\'' ? 0 : 1;
        }

        if (!changes)
        {
            return text;
        }

        return string.Create(length, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (c != '\'')
                {
                    span[i++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
                }
            }
        });
    }

    /// <summary>Where a message's words end: spaces, punctuation, brackets, quotes, slashes and hyphens.</summary>
    public static ReadOnlySpan<char> WordSeparators => " \t\n\r,.?!;:()\"/-…[]";

    private static readonly char[] Separators = WordSeparators.ToArray();

    /// <summary>
    /// A text's words as typed, for the word lists and patterns matched on them (breach intents, question form,
    /// how-to phrases): folded (lowercase, no accents, apostrophes dropped: "foto's" is "fotos", "don't" is
    /// "dont"), split at <see cref="WordSeparators"/>.
    /// </summary>
    public static string[] Words(string text) => Fold(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The same words as <see cref="Words"/>, as spans of the folded text (no string per word).</summary>
    public static FoldedWords WordSpans(string text) => new(Fold(text));
}
