using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Turns a message into a list of word forms for pattern matching: for each word the folded
/// surface form, its Dutch and English stems and (Dutch) compound parts. Stop words are kept so
/// patterns such as "wat is" can be written.
/// </summary>
internal sealed class WordNormalizer(LanguageAnalysis dutch, LanguageAnalysis english)
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', '.', '?', '!', ';', ':', '(', ')', '"', '/', '-', '…', '[', ']'];

    public IReadOnlyList<IReadOnlySet<string>> Words(string text)
    {
        var words = new List<IReadOnlySet<string>>();
        foreach (var raw in Tokens(text))
        {
            var forms = new HashSet<string>(StringComparer.Ordinal) { raw };
            var dutchStem = dutch.Stemmer.Stem(raw);
            forms.Add(dutchStem);
            forms.Add(english.Stemmer.Stem(raw));
            foreach (var part in dutch.Splitter?.Split(dutchStem) ?? [])
            {
                forms.Add(part);
            }

            words.Add(forms);
        }

        return words;
    }

    /// <summary>A pattern alternative as the canonical form of each word (its Dutch stem).</summary>
    public List<string> Pattern(string alternative)
    {
        var trimmed = alternative.Trim();
        var words = Tokens(trimmed.TrimStart('^')).Select(w => dutch.Stemmer.Stem(w)).ToList();
        if (trimmed.StartsWith('^') && words.Count > 0)
        {
            words.Insert(0, BreachIntentDetector.StartMarker);
        }

        return words;
    }

    private static IEnumerable<string> Tokens(string text) =>
        TextNormalizer.Fold(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}
