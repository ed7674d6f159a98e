using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Turns a message into a list of word forms for pattern matching: for each word the folded
/// surface form, its Dutch and English stems and (Dutch) compound parts. Stop words are kept so
/// patterns such as "wat is" can be written.
/// </summary>
internal sealed class WordNormalizer
{
    private readonly LanguageAnalysis dutch;
    private readonly LanguageAnalysis english;
    private readonly CompoundSplitter? splitter;

    // The forms of every word of the knowledge base and the patterns, worked out once at start-up:
    // stemming each word of each message in two languages was about half the cost of breach
    // detection. Only the knowledge base's own words: nothing a user typed is kept.
    private readonly Dictionary<string, IReadOnlySet<string>> known = new(StringComparer.Ordinal);

    // The form sets of the real words (known words too), by reference: the breach matcher gives them exact hits only.
    private readonly HashSet<IReadOnlySet<string>> real = new(ReferenceEqualityComparer.Instance);

    /// <param name="vocabulary">Texts whose words get their forms worked out now instead of per message (the knowledge base's).</param>
    /// <param name="parts">
    /// Stems that count as compound parts besides the knowledge base's (the patterns' own words and the school
    /// words, <see cref="BreachIntentDetector"/>): retrieval's splitter knows only the knowledge base's words, so
    /// "schooliPad" or "mentorlijst" hid the pattern word when the other part was not one of them.
    /// </param>
    /// <param name="realWords">Correctly spelled words (<c>real-words.txt</c>): known in advance too, and their form sets are <see cref="RealWordForms"/>.</param>
    public WordNormalizer(LanguageAnalysis dutch, LanguageAnalysis english, IEnumerable<string>? vocabulary = null, IEnumerable<string>? parts = null, IEnumerable<string>? realWords = null)
    {
        this.dutch = dutch;
        this.english = english;
        splitter = parts is null ? dutch.Splitter : dutch.Splitter?.With(parts);
        foreach (var text in vocabulary ?? [])
        {
            foreach (var raw in TextNormalizer.Words(text))
            {
                Know(raw);
            }
        }

        foreach (var raw in realWords ?? [])
        {
            real.Add(Know(raw));
        }
    }

    // The word's form set, worked out now and kept unless it is known already (one shared set per word).
    private IReadOnlySet<string> Know(string raw)
    {
        if (!known.TryGetValue(raw, out var forms))
        {
            known[raw] = forms = Forms(raw);
        }

        return forms;
    }

    /// <summary>How many words have their forms worked out in advance.</summary>
    public int KnownWords => known.Count;

    /// <summary>The form sets of the words known in advance: <see cref="Words"/> hands out these very sets for those words.</summary>
    public IEnumerable<IReadOnlySet<string>> KnownForms => known.Values;

    /// <summary>The form sets (among <see cref="KnownForms"/>) of the real words: correctly spelled, so never read as a typo.</summary>
    public IReadOnlySet<IReadOnlySet<string>> RealWordForms => real;

    public IReadOnlyList<IReadOnlySet<string>> Words(string text)
    {
        // Spans, not TextNormalizer.Words' strings: a known word (most of them) needs no string of its own.
        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        var spans = TextNormalizer.WordSpans(text);
        var words = new List<IReadOnlySet<string>>(spans.TextLength / 4 + 1);
        foreach (var raw in spans)
        {
            words.Add(lookup.TryGetValue(raw, out var forms) ? forms : Forms(raw.ToString()));
        }

        return words;
    }

    /// <summary>The folded word, its Dutch and English stems and (Dutch) compound parts.</summary>
    private HashSet<string> Forms(string raw)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { raw };
        var dutchStem = dutch.Stemmer.Stem(raw);
        forms.Add(dutchStem);
        forms.Add(english.Stemmer.Stem(raw));
        foreach (var part in splitter?.Split(dutchStem) ?? [])
        {
            forms.Add(part);
        }

        return forms;
    }

    /// <summary>A pattern alternative as the canonical form of each word (its Dutch stem).</summary>
    public static List<string> Pattern(string alternative, LanguageAnalysis dutch)
    {
        var trimmed = alternative.Trim();
        var words = TextNormalizer.Words(trimmed.TrimStart('^')).Select(w => dutch.Stemmer.Stem(w)).ToList();
        if (trimmed.StartsWith('^') && words.Count > 0)
        {
            words.Insert(0, BreachIntentDetector.StartMarker);
        }

        return words;
    }
}
