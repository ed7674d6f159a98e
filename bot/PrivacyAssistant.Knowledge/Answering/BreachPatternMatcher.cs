using System.Buffers;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// The breach-intent patterns compiled for matching: every distinct pattern word gets a number, and
/// a message is first turned into "which pattern words occur at which word position" in one pass
/// over its words; the patterns then only test those positions.
/// </summary>
/// <remarks>
/// Matching each alternative of each pattern against every word of the message (with the one-edit
/// typo check on every word form) was about 40 % of the CPU of answering a question (profile of
/// 2026-11-23, RELIABILITY.md). The decisions are unchanged: a word position "has" a pattern word
/// exactly when it has the word's form or a form within one edit of it (see <see cref="BreachIntentDetector"/>). The typo candidates of a form are
/// found through one-letter deletions: two words within one insertion, deletion, substitution or
/// swap of neighbours share the shorter word or a one-letter deletion of each (a superset), and
/// every candidate is checked with the same test as before.
/// <para>
/// The pattern words a known word's forms hit (exactly or within one edit) are worked out at start-up
/// for every word of the knowledge base and the patterns (<see cref="WordNormalizer"/>'s shared form
/// sets), with the same code a message's unknown words still go through: those lookups were most of
/// breach detection's cost, which was a third of answering's (RELIABILITY.md, session 8). Nothing a
/// user typed is kept. An alternative whose first word occurs nowhere in the message is skipped
/// without trying each start position.
/// </para>
/// </remarks>
internal sealed class BreachPatternMatcher
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private readonly List<string> _words = [];
    // Typo keys: a word (a pattern word or its spelling in the file) and its one-letter deletions, to the pattern word's id and the word a form must be within one edit of.
    private readonly Dictionary<string, List<(int Id, string Word)>> _typoKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Id, string Word)>>.AlternateLookup<ReadOnlySpan<char>> _typoLookup;
    private int _longestTypoWord; // set while the typo keys are added (constructor only)
    private readonly SortedSet<string> _toleranceWords = new(StringComparer.Ordinal);
    private readonly Alternative[][][] _patterns;

    // Keyed by the form set itself (reference equality): the normalizer hands out one shared set per known word.
    private readonly Dictionary<IReadOnlySet<string>, int[]> _knownHits = new(ReferenceEqualityComparer.Instance);

    /// <param name="knownForms">The form sets of the words known in advance (<see cref="WordNormalizer.KnownForms"/>), whose hits are worked out now.</param>
    /// <param name="realForms">
    /// Those of them that are real words (<see cref="WordNormalizer.RealWordForms"/>): they hit a pattern word only exactly or with the
    /// final d and t exchanged, never through the one-edit typo tolerance ("ingetrokken" is not "ingebroken").
    /// </param>
    /// <param name="spellings">The pattern words as the file spells them, by stem (<see cref="BreachIntentDetector.Spellings"/>): a typo may be one edit from either.</param>
    public BreachPatternMatcher(
        IReadOnlyList<BreachIntentPattern> patterns,
        IEnumerable<IReadOnlySet<string>>? knownForms = null,
        IReadOnlySet<IReadOnlySet<string>>? realForms = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? spellings = null)
    {
        _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _typoLookup = _typoKeys.GetAlternateLookup<ReadOnlySpan<char>>();
        _patterns = new Alternative[patterns.Count][][];
        for (var p = 0; p < patterns.Count; p++)
        {
            _patterns[p] = patterns[p].Groups
                .Select(group => group.Select(Compile).ToArray())
                .ToArray();
        }

        foreach (var (word, id) in _ids)
        {
            AddTypoWord(word, id);
            if (spellings is not null && spellings.TryGetValue(word, out var written))
            {
                foreach (var spelling in written)
                {
                    AddTypoWord(spelling, id);
                }
            }
        }

        foreach (var forms in knownForms ?? [])
        {
            if (!_knownHits.ContainsKey(forms))
            {
                _knownHits[forms] = realForms?.Contains(forms) == true ? ExactHitsOf(forms) : HitsOf(forms);
            }
        }
    }

    /// <summary>How many distinct pattern words there are (the ids of <see cref="MessageHits"/>).</summary>
    public int PatternWords => _words.Count;

    /// <summary>
    /// What the one-edit tolerance measures from, one "pattern word, tab, word" line per typo word (the pattern word itself or its
    /// spelling in the file, of <see cref="BreachIntentDetector.TypoMinimumLength"/> letters or more), sorted: the words whose
    /// one-letter neighbours <c>real-words.txt</c> lists (<see cref="BreachIntentDetector.ToleranceWordsSha256"/>).
    /// </summary>
    public IReadOnlyCollection<string> ToleranceWords => _toleranceWords;

    /// <summary>How many words' hits were worked out in advance.</summary>
    public int KnownWords => _knownHits.Count;

    /// <summary>Whether pattern <paramref name="pattern"/> (its index in the parsed list) matches the message.</summary>
    public bool Matches(int pattern, in MessageHits hits)
    {
        foreach (var group in _patterns[pattern])
        {
            var any = false;
            foreach (var alternative in group)
            {
                if (Occurs(alternative, hits))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Which pattern words each position of <paramref name="words"/> has; dispose to return the buffer.</summary>
    public MessageHits Find(IReadOnlyList<IReadOnlySet<string>> words) => Find(words, useKnown: true);

    private MessageHits Find(IReadOnlyList<IReadOnlySet<string>> words, bool useKnown)
    {
        var hits = new MessageHits(_words.Count, words.Count);
        Span<char> buffer = _longestTypoWord < 256 ? stackalloc char[256] : new char[_longestTypoWord + 1];
        for (var position = 0; position < words.Count; position++)
        {
            if (useKnown && _knownHits.TryGetValue(words[position], out var known))
            {
                foreach (var id in known)
                {
                    hits.Set(id, position);
                }

                continue;
            }

            foreach (var form in words[position])
            {
                if (_ids.TryGetValue(form, out var id))
                {
                    hits.Set(id, position);
                }

                // Has(): a form of at least TypoMinimumLength letters, length within one of the pattern
                // word's, same first letter, within one edit.
                if (form.Length < BreachIntentDetector.TypoMinimumLength || form.Length > _longestTypoWord + 1)
                {
                    continue;
                }

                MarkTypoCandidates(form, form, position, ref hits);
                for (var i = 0; i < form.Length; i++)
                {
                    var deletion = buffer[..(form.Length - 1)];
                    form.AsSpan(0, i).CopyTo(deletion);
                    form.AsSpan(i + 1).CopyTo(deletion[i..]);
                    MarkTypoCandidates(form, deletion, position, ref hits);
                }
            }
        }

        return hits;
    }

    // The pattern words one word's forms hit, by the same path as a message's words (Find without the start-up table).
    private int[] HitsOf(IReadOnlySet<string> forms)
    {
        using var hits = FindUncached([forms]);
        var ids = new List<int>();
        for (var id = 0; id < _words.Count; id++)
        {
            if (hits.Has(id, 0))
            {
                ids.Add(id);
            }
        }

        return ids.Count == 0 ? [] : [.. ids];
    }

    // A real word's pattern words: its forms themselves and their d/t twins, no typo candidates.
    private int[] ExactHitsOf(IReadOnlySet<string> forms)
    {
        var ids = new SortedSet<int>();
        foreach (var form in forms)
        {
            if (_ids.TryGetValue(form, out var id))
            {
                ids.Add(id);
            }

            if (BreachIntentDetector.DtTwin(form) is { } twin && _ids.TryGetValue(twin, out var twinId))
            {
                ids.Add(twinId);
            }
        }

        return ids.Count == 0 ? [] : [.. ids];
    }

    private MessageHits FindUncached(IReadOnlyList<IReadOnlySet<string>> words) => Find(words, useKnown: false);

    private void MarkTypoCandidates(string form, ReadOnlySpan<char> key, int position, ref MessageHits hits)
    {
        if (!_typoLookup.TryGetValue(key, out var candidates))
        {
            return;
        }

        foreach (var (id, word) in candidates)
        {
            if (Math.Abs(form.Length - word.Length) <= 1 && form[0] == word[0] && BreachIntentDetector.WithinOneEdit(form, word))
            {
                hits.Set(id, position);
            }
        }
    }

    private static bool Occurs(Alternative alternative, in MessageHits hits)
    {
        var ids = alternative.Words;
        if (ids.Length > 0 && !hits.Anywhere(ids[0]))
        {
            return false;
        }

        var last = alternative.Anchored ? 0 : hits.Positions - ids.Length;
        for (var start = 0; start <= last && start + ids.Length <= hits.Positions; start++)
        {
            var all = true;
            for (var i = 0; i < ids.Length && all; i++)
            {
                all = hits.Has(ids[i], start + i);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private Alternative Compile(IReadOnlyList<string> sequence)
    {
        var anchored = sequence.Count > 0 && sequence[0] == BreachIntentDetector.StartMarker;
        var words = sequence.Skip(anchored ? 1 : 0).Select(Id).ToArray();
        return new Alternative(anchored, words);
    }

    private int Id(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _words.Count;
            _ids[word] = id;
            _words.Add(word);
        }

        return id;
    }

    // A word of TypoMinimumLength letters or more gets a typo key of itself and of each of its one-letter deletions.
    private void AddTypoWord(string word, int id)
    {
        if (word.Length < BreachIntentDetector.TypoMinimumLength)
        {
            return;
        }

        _longestTypoWord = Math.Max(_longestTypoWord, word.Length);
        _toleranceWords.Add($"{_words[id]}\t{word}");
        AddTypoKey(word, id, word);
        for (var i = 0; i < word.Length; i++)
        {
            AddTypoKey(string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), id, word);
        }
    }

    private void AddTypoKey(string key, int id, string word)
    {
        if (!_typoKeys.TryGetValue(key, out var candidates))
        {
            _typoKeys[key] = candidates = [];
        }

        if (!candidates.Contains((id, word)))
        {
            candidates.Add((id, word));
        }
    }

    private sealed record Alternative(bool Anchored, int[] Words);

    /// <summary>A bit per (pattern word, position) of one message and a bit per pattern word that occurs at all, in a pooled buffer.</summary>
    public struct MessageHits : IDisposable
    {
        private readonly int _chunks;
        private readonly int _anywhere;
        private ulong[]? _bits;

        public MessageHits(int words, int positions)
        {
            Positions = positions;
            _chunks = (positions + 63) / 64;
            _anywhere = words * _chunks;
            var length = Math.Max(1, _anywhere + ((words + 63) / 64));
            _bits = ArrayPool<ulong>.Shared.Rent(length);
            Array.Clear(_bits, 0, length);
        }

        public int Positions { get; }

        public readonly bool Has(int word, int position) =>
            (_bits![(word * _chunks) + (position >> 6)] & (1UL << (position & 63))) != 0;

        /// <summary>Whether the word occurs at any position.</summary>
        public readonly bool Anywhere(int word) =>
            (_bits![_anywhere + (word >> 6)] & (1UL << (word & 63))) != 0;

        public readonly void Set(int word, int position)
        {
            _bits![(word * _chunks) + (position >> 6)] |= 1UL << (position & 63);
            _bits[_anywhere + (word >> 6)] |= 1UL << (word & 63);
        }

        public void Dispose()
        {
            if (_bits is not null)
            {
                ArrayPool<ulong>.Shared.Return(_bits);
                _bits = null;
            }
        }
    }
}
