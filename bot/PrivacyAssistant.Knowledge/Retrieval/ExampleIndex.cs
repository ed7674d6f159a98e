using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Nearest neighbours among labelled texts: every entry's titles and alternates (both languages, labelled with the
/// entry) and <c>example-questions.tsv</c> (labelled with an entry or none). A text is a profile of its letter 3-, 4-
/// and 5-grams (of " text ", folded: lowercase, no accents, anything but letters and digits a space) and its whole
/// words, weighted (1 + ln tf)·idf with idf = ln((N + 1) / (df + 1)) + 1 over the labelled texts; profiles are
/// L2-normalised and compared by cosine. A feature more than <see cref="StopShare"/> of the texts have (" de", " wa")
/// is a stop n-gram: it is left out of the vector space altogether (every vector and norm, the question's too), so a
/// text still scores exactly 1 against itself, and its long postings list is never walked. The
/// <see cref="Neighbours"/> most similar texts vote for their label with their similarity (docs/knowledge-retrieval.md,
/// "Session 12, example questions").
/// </summary>
/// <remarks>
/// Built once at start-up and immutable, so thread-safe. The hot path (<see cref="Nearest"/>) hashes the n-grams of
/// the folded question into a pooled buffer (no strings), walks precomputed postings arrays of normalised
/// weights into a pooled score array, and allocates nothing unless an explanation is asked (a non-ASCII question
/// is folded once through <see cref="TextNormalizer.Fold"/>). Bucket collisions are rare at 2^18 buckets for some tens of
/// thousands of distinct n-grams and only blur two n-grams' weights.
/// </remarks>
public sealed class ExampleIndex
{
    private const int BucketBits = 18;
    private const int BucketMask = (1 << BucketBits) - 1;

    /// <summary>Folded characters compared at most; a longer question is compared on its beginning (its first ~80 words).</summary>
    internal const int MaxChars = 512;

    // Which buckets some labelled text has: one bit per bucket, with the number of such buckets before each 64-bucket
    // word (32 KB of bits and 16 KB of ranks, interleaved, instead of a 2 MB table indexed by bucket), so a question's
    // bucket costs a read of this small, cache-resident table and, only if a text has it, one of the dense table below.
    // Present bucket r (its rank) has postings from _buckets[r].Start to _buckets[r + 1].Start and idf _buckets[r].Idf
    // (0 for a stop n-gram, which then has no postings and weighs in no norm). An absent bucket (df = 0) has no
    // postings and idf _absentIdf: it still weighs in the question's norm.
    private readonly PresenceWord[] _present;
    private readonly Bucket[] _buckets;
    private readonly float _absentIdf;
    private readonly Posting[] _postings;

    // Per labelled text: its label (an index into _labelIds).
    private readonly int[] _labels;
    private readonly string?[] _labelIds;

    // Per labelled text: the example question it is (null for a title or alternate), for explanations and the
    // leave-one-out check; and the way back, by reference (the loader's own objects).
    private readonly ExampleQuestion?[] _examples;
    private readonly Dictionary<ExampleQuestion, int> _textOfExample;

    /// <param name="knowledge">The entries (titles and alternates) and the example questions.</param>
    /// <param name="neighbours">How many of the nearest texts vote.</param>
    /// <param name="stopShare">A feature more than this share of the texts have is left out (1: none is).</param>
    public ExampleIndex(KnowledgeBase knowledge, int neighbours = 5, double stopShare = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(neighbours, MaxNeighbours);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stopShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stopShare, 1.0);
        Neighbours = neighbours;
        StopShare = stopShare;

        // Label 0 is none; entry i is label i + 1.
        var labelIds = new List<string?> { null };
        var labelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in knowledge.Entries)
        {
            labelOf[entry.Id] = labelIds.Count;
            labelIds.Add(entry.Id);
        }

        var texts = new List<(int Label, string Text, ExampleQuestion? Example)>();
        foreach (var entry in knowledge.Entries)
        {
            foreach (var content in new[] { entry.Dutch, entry.English })
            {
                texts.Add((labelOf[entry.Id], content.Title, null));
                texts.AddRange(content.Alternates.Select(a => (labelOf[entry.Id], a, (ExampleQuestion?)null)));
            }
        }

        texts.AddRange(knowledge.Examples.Select(e => (e.EntryId is null ? 0 : labelOf[e.EntryId], e.Question, (ExampleQuestion?)e)));
        texts.RemoveAll(t => string.IsNullOrWhiteSpace(t.Text));

        // Term frequencies per text (sorted buckets, run-length), then document frequencies.
        var profiles = new List<(int Bucket, int Tf)[]>(texts.Count);
        var df = new int[1 << BucketBits];
        var buffer = new int[2 * FeatureCapacity(MaxChars)];
        foreach (var (_, text, _) in texts)
        {
            var span = SortedBuckets(text, buffer);
            var count = span.Length;
            var profile = new List<(int, int)>();
            for (var i = 0; i < count;)
            {
                var j = i;
                while (j < count && span[j] == span[i])
                {
                    j++;
                }

                profile.Add((span[i], j - i));
                df[span[i]]++;
                i = j;
            }

            profiles.Add([.. profile]);
        }

        // A posting's text is a ushort (6-byte postings); tens of thousands of texts are far beyond any knowledge base.
        var n = texts.Count;
        if (n > ushort.MaxValue + 1)
        {
            throw new InvalidOperationException($"ExampleIndex holds at most {ushort.MaxValue + 1} labelled texts, not {n}.");
        }

        // Present buckets (some text has them) get dense ranks, in bucket order.
        _present = new PresenceWord[df.Length / 64];
        var rank = 0;
        for (var w = 0; w < _present.Length; w++)
        {
            _present[w].Rank = rank;
            for (var bit = 0; bit < 64; bit++)
            {
                if (df[(w * 64) + bit] > 0)
                {
                    _present[w].Bits |= 1UL << bit;
                    rank++;
                }
            }
        }

        // Stop n-grams: idf 0 (no weight in any vector or norm) and no postings.
        var stopAbove = stopShare * n;
        _absentIdf = (float)(Math.Log((n + 1.0) / 1.0) + 1);
        _buckets = new Bucket[rank + 1];
        for (var b = 0; b < df.Length; b++)
        {
            if (df[b] == 0)
            {
                continue;
            }

            var r = Rank(b);
            if (df[b] > stopAbove)
            {
                df[b] = 0;
                StopFeatures++;
            }
            else
            {
                _buckets[r].Idf = (float)(Math.Log((n + 1.0) / (df[b] + 1.0)) + 1);
            }

            // Postings (compressed rows by rank) of the L2-normalised weights.
            _buckets[r + 1].Start = _buckets[r].Start + df[b];
        }

        _postings = new Posting[_buckets[^1].Start];
        var next = _buckets.Select(b => b.Start).ToArray();
        for (var d = 0; d < n; d++)
        {
            var profile = profiles[d];
            var norm = Math.Sqrt(profile.Sum(p => Square(Weight(p.Tf, _buckets[Rank(p.Bucket)].Idf))));
            foreach (var (bucket, tf) in profile)
            {
                var r = Rank(bucket);
                if (_buckets[r].Idf > 0)
                {
                    _postings[next[r]++] = new Posting((ushort)d, (float)(Weight(tf, _buckets[r].Idf) / norm));
                }
            }
        }

        _labels = texts.Select(t => t.Label).ToArray();
        _labelIds = [.. labelIds];
        _examples = texts.Select(t => t.Example).ToArray();
        _textOfExample = new Dictionary<ExampleQuestion, int>(ReferenceEqualityComparer.Instance);
        for (var d = 0; d < n; d++)
        {
            if (texts[d].Example is { } example)
            {
                _textOfExample[example] = d;
            }
        }
    }

    /// <summary>The most neighbours a verdict may count (they are kept on the stack).</summary>
    public const int MaxNeighbours = 16;

    /// <summary>How many of the nearest texts vote.</summary>
    public int Neighbours { get; }

    /// <summary>How many labelled texts there are (titles, alternates and examples).</summary>
    public int Count => _labels.Length;

    /// <summary>A feature more than this share of the texts have is left out of the vector space (1: none is).</summary>
    public double StopShare { get; }

    /// <summary>How many feature buckets were left out as stop n-grams.</summary>
    public int StopFeatures { get; }

    /// <summary>How many postings <see cref="Nearest"/> walks for <paramref name="question"/> (what a question costs; for tests and measurements).</summary>
    internal int PostingsWalked(string question)
    {
        var features = ArrayPool<int>.Shared.Rent(2 * FeatureCapacity(MaxChars));
        var span = SortedBuckets(question, features);
        var walked = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1])
            {
                Lookup(span[i], out var start, out var end);
                walked += end - start;
            }
        }

        ArrayPool<int>.Shared.Return(features);
        return walked;
    }

    /// <summary>The label the nearest texts support most, and how strongly; with the neighbours themselves when <paramref name="explain"/>.</summary>
    public ExampleVerdict Nearest(string question, bool explain = false) => Vote(question, explain, exclude: -1);

    /// <summary>
    /// Leave-one-out: what the other labelled texts say about <paramref name="example"/> (one of the
    /// <see cref="KnowledgeBase.Examples"/> this index was built from), the example itself left out of its own
    /// neighbours; with the neighbours when <paramref name="explain"/>. For checking the examples, not the hot path.
    /// </summary>
    public ExampleVerdict NearestExcept(ExampleQuestion example, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (!_textOfExample.TryGetValue(example, out var text))
        {
            throw new ArgumentException($"Line {example.Line} is not one of the examples this index was built from.", nameof(example));
        }

        return Vote(example.Question, explain, text);
    }

    // Nearest, with text number exclude (if not -1) left out of the neighbours.
    private ExampleVerdict Vote(string question, bool explain, int exclude)
    {
        // Sized for the longest compared text, whatever folding does to the question's length; pooled rather than
        // stackalloc'd, which would zero about 7 KB per call.
        // Twice: the upper half is the radix sort's scratch.
        var features = ArrayPool<int>.Shared.Rent(2 * FeatureCapacity(MaxChars));
        var scores = ArrayPool<float>.Shared.Rent(_labels.Length);
        try
        {
            var span = SortedBuckets(question, features);
            var count = span.Length;
            var scoreSpan = scores.AsSpan(0, _labels.Length);
            scoreSpan.Clear();
            var norm2 = 0.0;
            for (var i = 0; i < count;)
            {
                var bucket = span[i];
                var j = i + 1;
                while (j < count && span[j] == bucket)
                {
                    j++;
                }

                var weight = (float)Weight(j - i, Lookup(bucket, out var start, out var end));
                norm2 += (double)weight * weight;
                foreach (var posting in _postings.AsSpan(start, end - start))
                {
                    scoreSpan[posting.Text] += weight * posting.Weight;
                }

                i = j;
            }

            if (norm2 <= 0)
            {
                return default;
            }

            // Scores are never negative, so a 0 keeps the excluded text out of the k best (and out of the vote).
            if (exclude >= 0)
            {
                scoreSpan[exclude] = 0;
            }

            // The k best texts (insertion into a small sorted array; ties keep the earlier text).
            var k = Neighbours;
            Span<int> best = stackalloc int[k];
            Span<float> bestScore = stackalloc float[k];
            var found = 0;
            var width = Vector<float>.Count;
            for (var d = 0; d < scoreSpan.Length; d++)
            {
                // Skip a whole vector of texts none of which would enter (most texts score 0): same texts, same order.
                if ((d % width) == 0 && d + width <= scoreSpan.Length
                    && !Vector.GreaterThanAny(new Vector<float>(scoreSpan.Slice(d, width)), new Vector<float>(found == k ? bestScore[k - 1] : 0f)))
                {
                    d += width - 1;
                    continue;
                }

                var s = scoreSpan[d];
                if (s <= 0 || (found == k && s <= bestScore[k - 1]))
                {
                    continue;
                }

                var at = found < k ? found++ : k - 1;
                while (at > 0 && bestScore[at - 1] < s)
                {
                    best[at] = best[at - 1];
                    bestScore[at] = bestScore[at - 1];
                    at--;
                }

                best[at] = d;
                bestScore[at] = s;
            }

            if (found == 0)
            {
                return default;
            }

            // Sum the similarities per label; the first label to reach the best sum wins a tie (the nearest text's).
            var norm = Math.Sqrt(norm2);
            Span<int> labels = stackalloc int[k];
            Span<double> sums = stackalloc double[k];
            var distinct = 0;
            for (var i = 0; i < found; i++)
            {
                var label = _labels[best[i]];
                var at = labels[..distinct].IndexOf(label);
                if (at < 0)
                {
                    at = distinct++;
                    labels[at] = label;
                    sums[at] = 0;
                }

                sums[at] += Math.Min(1.0, bestScore[i] / norm);
            }

            var winner = 0;
            for (var i = 1; i < distinct; i++)
            {
                if (sums[i] > sums[winner])
                {
                    winner = i;
                }
            }

            IReadOnlyList<ExampleNeighbour>? neighbours = null;
            if (explain)
            {
                var list = new ExampleNeighbour[found];
                for (var i = 0; i < found; i++)
                {
                    list[i] = new ExampleNeighbour(_labelIds[_labels[best[i]]], Math.Min(1.0, bestScore[i] / norm), _examples[best[i]]);
                }

                neighbours = list;
            }

            return new ExampleVerdict(_labelIds[labels[winner]], sums[winner] / k, neighbours)
            {
                NearestNoneSimilarity = _labelIds[_labels[best[0]]] is null ? Math.Min(1.0, bestScore[0] / norm) : 0,
            };
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(features);
        }
    }

    // The dense rank of present bucket b (one some text has).
    private int Rank(int b)
    {
        var word = _present[b >> 6];
        return word.Rank + BitOperations.PopCount(word.Bits & ((1UL << (b & 63)) - 1));
    }

    // Bucket b's idf and postings range (empty for an absent bucket).
    private float Lookup(int b, out int start, out int end)
    {
        var word = _present[b >> 6];
        var bit = 1UL << (b & 63);
        if ((word.Bits & bit) == 0)
        {
            start = end = 0;
            return _absentIdf;
        }

        var r = word.Rank + BitOperations.PopCount(word.Bits & (bit - 1));
        start = _buckets[r].Start;
        end = _buckets[r + 1].Start;
        return _buckets[r].Idf;
    }

    // Sorts masked buckets (BucketBits bits) in two stable counting passes of 9 bits: the same order as Span.Sort and,
    // for a question's few hundred features, cheaper (measured: about 10 % of a Nearest call less).
    private static void RadixSort(Span<int> keys, Span<int> scratch)
    {
        const int Bits = BucketBits / 2;
        Span<int> counts = stackalloc int[1 << Bits];
        Pass(keys, scratch, 0, counts);
        counts.Clear();
        Pass(scratch, keys, Bits, counts);

        static void Pass(Span<int> from, Span<int> to, int shift, Span<int> counts)
        {
            const int Mask = (1 << Bits) - 1;
            foreach (var key in from)
            {
                counts[(key >> shift) & Mask]++;
            }

            var sum = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                var c = counts[i];
                counts[i] = sum;
                sum += c;
            }

            foreach (var key in from)
            {
                to[counts[(key >> shift) & Mask]++] = key;
            }
        }
    }

    /// <summary>
    /// The buckets of <paramref name="text"/>'s features in ascending order (a bucket once per occurrence), in the lower
    /// half of <paramref name="buffer"/> (at least twice <see cref="FeatureCapacity"/> of <see cref="MaxChars"/>; the
    /// upper half is the sort's scratch). The index's texts and the questions go through this one path.
    /// </summary>
    private static Span<int> SortedBuckets(string text, int[] buffer)
    {
        var capacity = FeatureCapacity(MaxChars);
        var span = buffer.AsSpan(0, Features(text, buffer.AsSpan(0, capacity)));
        Mask(span);
        RadixSort(span, buffer.AsSpan(capacity, span.Length));
        return span;
    }

    private static void Mask(Span<int> hashes)
    {
        foreach (ref var hash in hashes)
        {
            hash &= BucketMask;
        }
    }

    private struct Bucket
    {
        public int Start;
        public float Idf;
    }

    private struct PresenceWord
    {
        public ulong Bits;
        public int Rank;
    }

    // Packed to 6 bytes: more postings per cache line.
    [StructLayout(LayoutKind.Sequential, Pack = 2)]
    private readonly record struct Posting(ushort Text, float Weight);

    // At most three n-grams per folded character (3-, 4- and 5-grams) plus a word per two characters, for " text ".
    private static int FeatureCapacity(int chars) => (3 * (chars + 2)) + ((chars + 3) / 2);

    // 1 + ln tf for the term frequencies a question has (an n-gram rarely repeats more than a few times).
    private static readonly double[] LogTf = [.. Enumerable.Range(0, 33).Select(tf => tf == 0 ? 0 : 1 + Math.Log(tf))];

    private static double Weight(int tf, float idf) => (tf < LogTf.Length ? LogTf[tf] : 1 + Math.Log(tf)) * idf;

    private static double Square(double x) => x * x;

    /// <summary>
    /// The buckets of <paramref name="text"/>'s n-grams and words into <paramref name="buckets"/> (at least
    /// <see cref="FeatureCapacity"/> of the text's length, capped at <see cref="MaxChars"/>); returns how many.
    /// </summary>
    internal static int Features(string text, Span<int> buckets)
    {
        // Folded " text ": lowercase, accents dropped (TextNormalizer.Fold, which also drops apostrophes: "foto's" is
        // "fotos"), every run of other characters one space.
        var source = Ascii.IsValid(text) ? text : TextNormalizer.Fold(text);
        Span<char> folded = stackalloc char[MaxChars + 2];
        var length = 0;
        folded[length++] = ' ';
        foreach (var raw in source)
        {
            if (length > MaxChars)
            {
                break;
            }

            if (raw is '\'' or '’' or '‘')
            {
                continue;
            }

            var c = raw is >= 'A' and <= 'Z' ? (char)(raw + ('a' - 'A')) : raw;
            if ((c is >= 'a' and <= 'z' or >= '0' and <= '9') || (c > 127 && char.IsLetterOrDigit(c)))
            {
                folded[length++] = c;
            }
            else if (folded[length - 1] != ' ')
            {
                folded[length++] = ' ';
            }
        }

        if (folded[length - 1] != ' ')
        {
            folded[length++] = ' ';
        }

        var chars = folded[..length];
        var count = 0;
        if (length <= 2)
        {
            return 0;
        }

        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= length; i++)
            {
                buckets[count++] = Hash((uint)n, chars.Slice(i, n));
            }
        }

        // Whole words: the runs between the spaces.
        var start = 1;
        for (var i = 1; i < length; i++)
        {
            if (chars[i] == ' ')
            {
                if (i > start)
                {
                    buckets[count++] = Hash(0x77u, chars[start..i]);
                }

                start = i + 1;
            }
        }

        return count;
    }

    // FNV-1a over the characters, seeded with the feature's kind (n-gram length or word), folded to BucketBits.
    private static int Hash(uint kind, ReadOnlySpan<char> chars)
    {
        var hash = 2166136261u ^ kind;
        hash *= 16777619u;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)((hash ^ (hash >> 15)) & 0x7FFFFFFF);
    }
}
