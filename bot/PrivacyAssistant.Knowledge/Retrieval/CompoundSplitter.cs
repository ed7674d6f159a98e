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
    // The same set looked up by a slice of a word: probing heads and tails allocates no substrings.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordSlices;
    private readonly Func<string, string> _stem;
    // The split of every known word, worked out once: the index build splits each word of every text
    // (tens of stemmer calls per long word), and the vocabulary is exactly those words. Read-only
    // after construction, so searches may read it concurrently.
    private readonly Dictionary<string, string[]> _knownSplits;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _knownSplitSlices;

    /// <param name="words">Known stems.</param>
    /// <param name="stem">Stems a candidate head (e.g. <c>klassen</c> → <c>klas</c>).</param>
    public CompoundSplitter(IEnumerable<string> words, Func<string, string> stem)
    {
        _words = words.Where(w => w.Length >= MinimumPartLength).ToHashSet(StringComparer.Ordinal);
        _wordSlices = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _stem = stem;
        _knownSplits = new Dictionary<string, string[]>(StringComparer.Ordinal);
        _knownSplitSlices = _knownSplits.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in _words)
        {
            if (word.Length >= MinimumCompoundLength)
            {
                Dictionary<string, string>? stems = null;
                _knownSplits[word] = [.. SplitFrom(word, 0, MaximumParts, ref stems) ?? []];
            }
        }
    }

    public int Count => _words.Count;

    /// <summary>A splitter that also knows <paramref name="words"/> (stems) as parts.</summary>
    public CompoundSplitter With(IEnumerable<string> words) => new(_words.Concat(words), _stem);

    /// <summary>The parts of <paramref name="word"/>, or an empty list when it is not a known compound.</summary>
    public IReadOnlyList<string> Split(string word) => Split(word.AsSpan());

    /// <summary>The parts of <paramref name="word"/> (a token's term as it stands), or an empty list; no string is made unless the word must be split from scratch.</summary>
    public IReadOnlyList<string> Split(ReadOnlySpan<char> word)
    {
        if (word.Length < MinimumCompoundLength)
        {
            return [];
        }

        if (_knownSplitSlices.TryGetValue(word, out var parts))
        {
            return parts;
        }

        Dictionary<string, string>? stems = null;
        return SplitFrom(new string(word), 0, MaximumParts, ref stems) ?? [];
    }

    /// <summary>The split of <paramref name="text"/> from <paramref name="start"/> on (the word is that slice; no substrings are made to try it).</summary>
    /// <param name="stems">
    /// The stems worked out so far in this split: a head is stemmed once for every link that fits after it
    /// (and with the empty link twice over), and the parts after a head are tried again after the next
    /// shorter head. An unknown long word ("doorgestuurd") took tens of stemmer calls, 0.1–0.4 ms, the
    /// largest single cost of a question (RELIABILITY.md, session 8). Kept for one split only; made on
    /// the first stem.
    /// </param>
    private List<string>? SplitFrom(string text, int start, int partsLeft, ref Dictionary<string, string>? stems)
    {
        var length = text.Length - start;
        // Longest head first: "overstapdossier" should give overstap + dossier, not over + stapdossier.
        for (var headEnd = length - MinimumPartLength; headEnd >= MinimumPartLength; headEnd--)
        {
            foreach (var link in Links)
            {
                var tailStart = headEnd + link.Length;
                if (tailStart > length - MinimumPartLength || string.CompareOrdinal(text, start + headEnd, link, 0, link.Length) != 0)
                {
                    continue;
                }

                var head = KnownHead(text.AsSpan(start, headEnd), link, ref stems);
                if (head is null)
                {
                    continue;
                }

                var tail = text.AsSpan(start + tailStart);
                if (_wordSlices.TryGetValue(tail, out var knownTail))
                {
                    return [head, knownTail];
                }

                if (partsLeft > 2 && tail.Length >= MinimumCompoundLength - 1)
                {
                    var rest = SplitFrom(text, start + tailStart, partsLeft - 1, ref stems);
                    if (rest is not null)
                    {
                        return [head, .. rest];
                    }
                }
            }
        }

        return null;
    }

    private string? KnownHead(ReadOnlySpan<char> head, string link, ref Dictionary<string, string>? stems)
    {
        if (head.Length < MinimumPartLength)
        {
            return null;
        }

        if (_wordSlices.TryGetValue(head, out var known))
        {
            return known;
        }

        // "klassen" + foto: the head with its plural/linking ending stems to a known word.
        var withLink = head.Length + link.Length <= 64 ? stackalloc char[head.Length + link.Length] : new char[head.Length + link.Length];
        head.CopyTo(withLink);
        link.CopyTo(withLink[head.Length..]);
        var stemmed = Stem(withLink, ref stems);
        if (stemmed.Length >= MinimumPartLength && _words.Contains(stemmed))
        {
            return stemmed;
        }

        stemmed = Stem(head, ref stems);
        return stemmed.Length >= MinimumPartLength && _words.Contains(stemmed) ? stemmed : null;
    }

    private string Stem(ReadOnlySpan<char> text, ref Dictionary<string, string>? stems)
    {
        stems ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var slices = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!slices.TryGetValue(text, out var stem))
        {
            var key = new string(text);
            stems[key] = stem = _stem(key);
        }

        return stem;
    }
}
