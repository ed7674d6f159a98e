using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// The terms of one index field within one or two edits of a word: what Lucene's
/// <c>FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions: true)</c> rewrites to,
/// computed by scanning the field's terms instead of building Levenshtein automata.
/// </summary>
/// <remarks>
/// Building and determinising the automata for every unknown word and field cost about 40 % of a
/// turn's CPU (profile of 2026-11-23, RELIABILITY.md). The knowledge base's vocabulary is small
/// (a few thousand terms per field), so comparing the word with every term that shares its prefix
/// and has a length within <c>maxEdits</c> is far cheaper. The selection is Lucene's, to the bit:
/// edit distance with adjacent transpositions (optimal string alignment) over code points after the
/// prefix; boost <c>1 - edits / min(length of term, length of word)</c> in single precision, kept
/// only when above 0; the <c>maxExpansions</c> best by boost, ties to the term first in index
/// order (UTF-8 bytes, i.e. code points). A test compares it with <c>FuzzyQuery</c> on the shipped
/// knowledge base.
/// <para>
/// Most terms that share the word's first letter and length are far from it, and the distance table
/// for each was most of the cost of a question with an unknown word (RELIABILITY.md, session 8). So a
/// term is first compared by which letters occur at all (<see cref="LowerBound"/>, one bit per
/// letter, worked out once per term): a term with more than <c>maxEdits</c> letters the word lacks, or
/// the other way round, cannot be within <c>maxEdits</c> edits, and the table would have said so.
/// </para>
/// </remarks>
public sealed class FuzzyTermMatcher
{
    private readonly string[] _terms;
    private readonly int[][] _codePoints;
    // The letters of each term after its first code point (the prefix Corrections always keeps), as LetterMask.
    private readonly ulong[] _lettersAfterFirst;
    private readonly Dictionary<int, int[]> _byFirstCodePoint;

    public FuzzyTermMatcher(IEnumerable<string> termsInIndexOrder)
    {
        _terms = termsInIndexOrder.ToArray();
        _codePoints = _terms.Select(CodePoints).ToArray();
        _lettersAfterFirst = _codePoints.Select(c => LetterMask(c.AsSpan(Math.Min(1, c.Length)))).ToArray();
        _byFirstCodePoint = Enumerable.Range(0, _terms.Length)
            .Where(i => _codePoints[i].Length > 0)
            .GroupBy(i => _codePoints[i][0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The terms of <paramref name="field"/> in <paramref name="reader"/>, in index order.</summary>
    public static FuzzyTermMatcher ForField(IndexReader reader, string field)
    {
        var terms = new List<string>();
        var fieldTerms = MultiFields.GetTerms(reader, field);
        if (fieldTerms is not null)
        {
            var iterator = fieldTerms.GetEnumerator();
            while (iterator.MoveNext())
            {
                terms.Add(iterator.Term.Utf8ToString());
            }
        }

        return new FuzzyTermMatcher(terms);
    }

    public int Count => _terms.Length;

    /// <summary>
    /// The terms <c>FuzzyQuery</c> would expand <paramref name="word"/> to, best first
    /// (the caller treats them as a set).
    /// </summary>
    public string[] Matches(string word, int maxEdits, int prefixLength, int maxExpansions)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, 2);
        // The word's code points and the best-so-far on the stack (this runs for every field of every
        // unknown word of a question); the rare long word or large expansion count gets arrays.
        Span<int> target = word.Length <= 128 ? stackalloc int[word.Length] : new int[word.Length];
        target = target[..CodePoints(word, target)];
        if (maxEdits == 0 || prefixLength >= word.Length)
        {
            // FuzzyQuery: only the exact term can match.
            var exact = Array.IndexOf(_terms, word);
            return exact >= 0 && maxExpansions > 0 ? [word] : [];
        }

        var prefix = Math.Min(prefixLength, target.Length);
        var candidates = prefix > 0
            ? _byFirstCodePoint.GetValueOrDefault(target[0]) ?? []
            : Enumerable.Range(0, _terms.Length).ToArray();

        // (boost, index) of the best so far; index order is term order, so the lower index wins a tie.
        var size = Math.Max(0, maxExpansions);
        Span<(float Boost, int Index)> best = size <= 16 ? stackalloc (float Boost, int Index)[size + 1] : new (float Boost, int Index)[size + 1];
        var count = 0;
        var targetLetters = prefix == 1 ? LetterMask(target[1..]) : 0;
        foreach (var index in candidates)
        {
            var term = _codePoints[index];
            if (Math.Abs(term.Length - target.Length) > maxEdits || !term.AsSpan(0, Math.Min(prefix, term.Length)).SequenceEqual(target[..prefix]))
            {
                continue;
            }

            if (prefix == 1 && LowerBound(_lettersAfterFirst[index], targetLetters) > maxEdits)
            {
                continue; // Distance would exceed maxEdits too
            }

            var edits = Distance(term.AsSpan(prefix), target[prefix..], maxEdits);
            if (edits > maxEdits)
            {
                continue;
            }

            float boost;
            if (edits == 0)
            {
                boost = 1.0f;
            }
            else
            {
                var similarity = 1.0f - ((float)edits / (float)Math.Min(term.Length, target.Length));
                if (!(similarity > 0f))
                {
                    continue;
                }

                boost = similarity;
            }

            count = Offer(best, count, (boost, index), size);
        }

        var matches = count == 0 ? [] : new string[count];
        for (var k = 0; k < count; k++)
        {
            matches[k] = _terms[best[k].Index];
        }

        return matches;
    }

    /// <summary>Puts <paramref name="candidate"/> into the first <paramref name="count"/> of <paramref name="best"/> (best first, at most <paramref name="size"/>); returns the new count.</summary>
    private static int Offer(Span<(float Boost, int Index)> best, int count, (float Boost, int Index) candidate, int size)
    {
        if (size <= 0)
        {
            return count;
        }

        var position = -1;
        for (var k = 0; k < count; k++)
        {
            if (candidate.Boost > best[k].Boost || (candidate.Boost == best[k].Boost && candidate.Index < best[k].Index))
            {
                position = k;
                break;
            }
        }

        if (position < 0)
        {
            if (count < size)
            {
                best[count++] = candidate;
            }

            return count;
        }

        best[position..count].CopyTo(best[(position + 1)..]);
        best[position] = candidate;
        return Math.Min(count + 1, size);
    }

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment); anything above <paramref name="max"/> is reported as <c>max + 1</c>.</summary>
    public static int Distance(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        Span<int> buffer = stackalloc int[3 * (b.Length + 1)];
        var beforePrevious = buffer[..(b.Length + 1)];
        var previous = buffer.Slice(b.Length + 1, b.Length + 1);
        var current = buffer.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > max)
            {
                return max + 1;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>One bit per letter (code point modulo 64) that occurs in <paramref name="text"/>.</summary>
    public static ulong LetterMask(ReadOnlySpan<int> text)
    {
        var mask = 0UL;
        foreach (var c in text)
        {
            mask |= 1UL << (c & 63);
        }

        return mask;
    }

    /// <summary>
    /// A lower bound of <see cref="Distance"/> between two texts from their <see cref="LetterMask"/>s.
    /// </summary>
    /// <remarks>
    /// A letter bit of one text that the other lacks stands for at least one position whose letter
    /// the other text does not contain at all. An alignment can neither keep nor swap such a position
    /// (a swap of neighbours moves letters both texts have), so each needs its own substitution or
    /// deletion (insertion, seen from the other text), and one edit serves at most one of them.
    /// </remarks>
    public static int LowerBound(ulong a, ulong b) =>
        Math.Max(System.Numerics.BitOperations.PopCount(a & ~b), System.Numerics.BitOperations.PopCount(b & ~a));

    /// <summary>Writes the code points of <paramref name="text"/> to <paramref name="into"/> (at least as long as the text) and returns how many.</summary>
    private static int CodePoints(string text, Span<int> into)
    {
        var n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            into[n++] = rune.Value;
        }

        return n;
    }

    private static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            result.Add(rune.Value);
        }

        return [.. result];
    }
}
