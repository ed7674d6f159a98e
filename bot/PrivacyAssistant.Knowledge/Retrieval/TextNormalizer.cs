using System.Globalization;
using System.Text;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>Lowercases and strips accents and apostrophes the way the analyzers do (for word lists).</summary>
public static class TextNormalizer
{
    public static string Fold(string text)
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
}
