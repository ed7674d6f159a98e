namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Splits Dutch compounds into known words: <c>leerlingdossier</c> → <c>leerling</c> + <c>dossier</c>,
/// <c>persoonsgegeven</c> → <c>persoon</c> + <c>gegeven</c> (linking <c>s</c>/<c>e</c>/<c>en</c>),
/// <c>klassenfoto</c> → <c>klas</c> + <c>foto</c>. Works on stems; the dictionary is the stemmed
/// vocabulary of the knowledge files, so the parts are words the index actually contains.
/// </summary>
/// <remarks>
/// Only complete decompositions count (every letter belongs to a known part or a linking
/// morpheme). Lucene's <c>DictionaryCompoundWordTokenFilter</c> emits every dictionary word found
/// anywhere inside a token, which with a vocabulary-derived dictionary adds noise such as
/// <c>even</c> inside <c>gegevens</c>; see docs/knowledge-retrieval.md for the measurement.
/// </remarks>
public sealed class CompoundSplitter
{
    public const int MinimumPartLength = 3;
    public const int MinimumCompoundLength = 7;
    private const int MaximumParts = 3;

    private static readonly string[] Links = ["", "s", "en", "e", "n"];

    private readonly HashSet<string> _words;
    private readonly Func<string, string> _stem;
    // The split of every known word, worked out once: the index build splits each word of every text
    // (tens of stemmer calls per long word), and the vocabulary is exactly those words. Read-only
    // after construction, so searches may read it concurrently.
    private readonly Dictionary<string, string[]> _knownSplits;

    /// <param name="words">Known stems.</param>
    /// <param name="stem">Stems a candidate head (e.g. <c>klassen</c> → <c>klas</c>).</param>
    public CompoundSplitter(IEnumerable<string> words, Func<string, string> stem)
    {
        _words = words.Where(w => w.Length >= MinimumPartLength).ToHashSet(StringComparer.Ordinal);
        _stem = stem;
        _knownSplits = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var word in _words)
        {
            if (word.Length >= MinimumCompoundLength)
            {
                _knownSplits[word] = [.. SplitFrom(word, MaximumParts, new Dictionary<string, string>(StringComparer.Ordinal)) ?? []];
            }
        }
    }

    public int Count => _words.Count;

    /// <summary>A splitter that also knows <paramref name="words"/> (stems) as parts.</summary>
    public CompoundSplitter With(IEnumerable<string> words) => new(_words.Concat(words), _stem);

    /// <summary>The parts of <paramref name="word"/>, or an empty list when it is not a known compound.</summary>
    public IReadOnlyList<string> Split(string word)
    {
        if (word.Length < MinimumCompoundLength)
        {
            return [];
        }

        return _knownSplits.TryGetValue(word, out var parts)
            ? parts
            : SplitFrom(word, MaximumParts, new Dictionary<string, string>(StringComparer.Ordinal)) ?? [];
    }

    /// <param name="stems">
    /// The stems worked out so far in this split: a head is stemmed once for every link that fits after it
    /// (and with the empty link twice over), and the parts after a head are tried again after the next
    /// shorter head. An unknown long word ("doorgestuurd") took tens of stemmer calls, 0.1–0.4 ms, the
    /// largest single cost of a question (RELIABILITY.md, session 8). Kept for one split only.
    /// </param>
    private List<string>? SplitFrom(string word, int partsLeft, Dictionary<string, string> stems)
    {
        // Longest head first: "overstapdossier" should give overstap + dossier, not over + stapdossier.
        for (var headEnd = word.Length - MinimumPartLength; headEnd >= MinimumPartLength; headEnd--)
        {
            foreach (var link in Links)
            {
                var tailStart = headEnd + link.Length;
                if (tailStart > word.Length - MinimumPartLength || string.CompareOrdinal(word, headEnd, link, 0, link.Length) != 0)
                {
                    continue;
                }

                var head = KnownHead(word[..headEnd], link, stems);
                if (head is null)
                {
                    continue;
                }

                var tail = word[tailStart..];
                if (_words.Contains(tail))
                {
                    return [head, tail];
                }

                if (partsLeft > 2 && tail.Length >= MinimumCompoundLength - 1)
                {
                    var rest = SplitFrom(tail, partsLeft - 1, stems);
                    if (rest is not null)
                    {
                        return [head, .. rest];
                    }
                }
            }
        }

        return null;
    }

    private string? KnownHead(string head, string link, Dictionary<string, string> stems)
    {
        if (head.Length < MinimumPartLength)
        {
            return null;
        }

        if (_words.Contains(head))
        {
            return head;
        }

        // "klassen" + foto: the head with its plural/linking ending stems to a known word.
        var stemmed = Stem(head + link, stems);
        if (stemmed.Length >= MinimumPartLength && _words.Contains(stemmed))
        {
            return stemmed;
        }

        stemmed = Stem(head, stems);
        return stemmed.Length >= MinimumPartLength && _words.Contains(stemmed) ? stemmed : null;
    }

    private string Stem(string text, Dictionary<string, string> stems)
    {
        if (!stems.TryGetValue(text, out var stem))
        {
            stems[text] = stem = _stem(text);
        }

        return stem;
    }
}
