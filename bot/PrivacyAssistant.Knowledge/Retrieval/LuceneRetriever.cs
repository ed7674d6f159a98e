using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// BM25 retrieval over <see cref="KnowledgeIndex"/>. Each word of the question becomes one
/// clause: a DisjunctionMax over the fields (title, alternates, keywords, answer, each boosted)
/// and over the word's expansions (synonyms, compound parts, typo corrections). The clauses are
/// summed, so an entry scores by how many of the question's informative words it contains and
/// where.
/// </summary>
/// <remarks>
/// Confidence: raw BM25 grows with the number and rarity of the question's words, so it cannot be
/// compared across questions. Each clause's best achievable contribution is about
/// <c>boost × idf</c> of its best field (BM25's tf part is 1 for one occurrence in a field of
/// average length), so the sum of those is the question's "self score". Confidence = the sum of
/// each word's score capped at its weight, divided by the self score: the idf-weighted share of the
/// question the entry explains, in [0, 1]. The cap stops one common word that occurs in several
/// fields of an entry from passing for a match of the whole question. Words the
/// knowledge base does not know at all weigh <see cref="RetrievalSettings.UnknownTermWeight"/> in
/// the denominator: "hoe laat begint de kerstviering" matches nothing and gets a low confidence,
/// which is what makes off-topic questions fall below the answer threshold.
/// </remarks>
public sealed class LuceneRetriever(KnowledgeIndex index) : IRetriever
{
    [ThreadStatic]
    private static List<(string Term, float Weight)>? t_alternatives;

    [ThreadStatic]
    private static List<int[]>? t_counts;

    private readonly RetrievalSettings _settings = index.Settings;

    public KnowledgeIndex Index => index;

    public RetrievalResult Retrieve(string question, KnowledgeLanguage language, RetrievalOptions? options = null)
    {
        options ??= new RetrievalOptions();
        var (terms, clauses) = Plan(question, language);
        if (clauses.Count == 0)
        {
            return new RetrievalResult(language, terms, []);
        }

        // One search per word: the entry's BM25 score is the sum (exactly what a BooleanQuery of
        // the clauses would give), and the per-word scores are what the confidence needs. The scores
        // are one row per matching entry in a pooled matrix rather than an array per entry in a
        // dictionary: this runs twice or four times per turn (RELIABILITY.md, session 11).
        var width = clauses.Count;
        var documents = index.DocumentSlots; // indexed by document number
        var rowOf = ArrayPool<int>.Shared.Rent(documents);
        var docOf = ArrayPool<int>.Shared.Rent(documents);
        var matrix = ArrayPool<double>.Shared.Rent(documents * width);
        var scored = ArrayPool<ScoredEntry>.Shared.Rent(documents);
        try
        {
            Array.Fill(rowOf, -1, 0, documents);
            var rows = 0;
            var hits = new List<(int Doc, float Score)>(documents); // a clause matches each entry at most once
            for (var i = 0; i < clauses.Count; i++)
            {
                if (clauses[i].Disjuncts.Count == 0)
                {
                    continue; // no field contains any of the word's terms
                }

                index.Search(language, clauses[i], hits);
                foreach (var hit in hits)
                {
                    var row = rowOf[hit.Doc];
                    if (row < 0)
                    {
                        rowOf[hit.Doc] = row = rows++;
                        docOf[row] = hit.Doc;
                        Array.Clear(matrix, row * width, width);
                    }

                    matrix[(row * width) + i] = hit.Score;
                }
            }

            if (rows == 0)
            {
                return new RetrievalResult(language, terms, []);
            }

            var selfScore = 0.0;
            foreach (var term in terms)
            {
                selfScore += term.Weight; // as Sum() adds them: in order
            }

            // A question that is exactly one of an entry's phrasings (same words, any order) ranks that entry first.
            var phrased = index.EntryWithPhrasing(language, terms);
            // Loops and one sort rather than a LINQ pipeline: this runs for every matching entry of
            // every question. Same values (the sums add in the same order as Sum()) and the same order:
            // the sort keys end with the document number, so the order is total and a stable or an
            // unstable sort give the same ranking.
            for (var row = 0; row < rows; row++)
            {
                var doc = docOf[row];
                var scores = new ReadOnlySpan<double>(matrix, row * width, width);
                var total = 0.0;
                foreach (var score in scores)
                {
                    total += score;
                }

                var isPhrased = index.EntryId(doc) == phrased;
                // Matching only school and everyday words is no evidence that the entry is what was asked (knowledge/school-words.txt).
                var topical = !_settings.RequireTopicalWord || Topical(terms, scores) || isPhrased;
                var confidence = Coverage(terms, scores, selfScore, _settings.ConfidenceCap, everydayCounts: false);
                var rank = Coverage(terms, scores, selfScore, _settings.RankingCap, everydayCounts: true);
                scored[row] = new ScoredEntry(doc, row, total, topical, topical ? confidence : 0, rank, isPhrased);
            }

            scored.AsSpan(0, rows).Sort(_settings.RankByConfidence ? ByRank : ByTotal);
            var take = Math.Min(rows, Math.Max(1, options.MaxCandidates));
            var candidates = new List<RankedCandidate>(take);
            for (var k = 0; k < take; k++)
            {
                var c = scored[k];
                var scores = new ReadOnlySpan<double>(matrix, c.Row * width, width);
                candidates.Add(new RankedCandidate(
                    index.EntryId(c.Doc),
                    c.Total,
                    c.Confidence,
                    options.Explain ? Breakdown(terms, scores) : [],
                    c.Phrased,
                    c.Topical,
                    Matched(scores)));
            }

            return new RetrievalResult(language, terms, candidates);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rowOf);
            ArrayPool<int>.Shared.Return(docOf);
            ArrayPool<double>.Shared.Return(matrix);
            ArrayPool<ScoredEntry>.Shared.Return(scored);
        }
    }

    private static IReadOnlyList<TermContribution> Breakdown(List<QueryTerm> terms, ReadOnlySpan<double> scores)
    {
        var breakdown = new List<TermContribution>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            breakdown.Add(new TermContribution(terms[i].Term, scores[i], terms[i].Weight));
        }

        return breakdown;
    }

    private readonly record struct ScoredEntry(int Doc, int Row, double Total, bool Topical, double Confidence, double Rank, bool Phrased);

    // The exact phrasing first, then (RankByConfidence) rank, total or (otherwise) total, confidence;
    // then the document number. Descending keys compare b with a; double.CompareTo as OrderBy's comparer does.
    private static readonly Comparison<ScoredEntry> ByRank = (a, b) =>
    {
        var order = b.Phrased.CompareTo(a.Phrased);
        order = order != 0 ? order : b.Rank.CompareTo(a.Rank);
        order = order != 0 ? order : b.Total.CompareTo(a.Total);
        return order != 0 ? order : a.Doc.CompareTo(b.Doc);
    };

    private static readonly Comparison<ScoredEntry> ByTotal = (a, b) =>
    {
        var order = b.Phrased.CompareTo(a.Phrased);
        order = order != 0 ? order : b.Total.CompareTo(a.Total);
        order = order != 0 ? order : b.Confidence.CompareTo(a.Confidence);
        return order != 0 ? order : a.Doc.CompareTo(b.Doc);
    };

    private (List<QueryTerm> Terms, List<QueryClause> Clauses) Plan(string question, KnowledgeLanguage language)
    {
        var analysis = index.Analysis(language);
        var terms = new List<QueryTerm>();
        var clauses = new List<QueryClause>();
        // The index chain gives the words as typed (plus compound parts); the query chain adds the
        // synonyms. Synonym rules replace the word with every member of its line, so the typed
        // word is recovered from the index chain, matched up by the offset of the word in the text.
        // Both come from one run of the stages the two chains share (LanguageAnalysis.AnalyzeQuestion).
        analysis.AnalyzeQuestion(question, out var words, out var expanded);
        // The words grouped by offset in the order they first appear (what GroupBy gave), with loops:
        // a question has a handful of tokens and this runs for every language searched.
        for (var first = 0; first < words.Count; first++)
        {
            var offset = words[first].StartOffset;
            if (SeenBefore(words, first))
            {
                continue; // part of an earlier token's group
            }

            var word = FirstWord(words, first);
            if (HasTerm(terms, word.Term))
            {
                continue; // a repeated word adds no information
            }

            // Scratch lists of this thread, emptied for each word (planning runs for every word of every
            // question searched; nothing is kept from one word or question to the next).
            var alternatives = t_alternatives ??= new List<(string Term, float Weight)>(8);
            alternatives.Clear();
            alternatives.Add((word.Term, 1f));
            for (var t = first; t < words.Count; t++)
            {
                if (words[t].StartOffset == offset && words[t].Stacked)
                {
                    Add(alternatives, words[t].Term, _settings.CompoundPartWeight);
                }
            }

            for (var t = 0; t < expanded.Count; t++)
            {
                if (expanded[t].StartOffset == offset)
                {
                    Add(alternatives, expanded[t].Term, _settings.SynonymWeight);
                }
            }

            // The typed word sets the clause's weight. Synonyms and compound parts only stand in
            // for a word the knowledge base does not contain; otherwise a rare synonym ("privacywet"
            // for "avg") would make a common word look specific.
            // Each alternative's entry counts per field, looked up once: the weights, the idf ratios
            // and which fields to search all read them (RELIABILITY.md, session 8).
            var counts = t_counts ??= new List<int[]>(8);
            counts.Clear();
            for (var i = 0; i < alternatives.Count; i++)
            {
                counts.Add(index.TermCounts(language, alternatives[i].Term));
            }

            var wordEntries = counts[0][TermFrequencies.AnyField];
            var weight = BestFieldWeight(counts[0]);
            if (weight == 0)
            {
                for (var i = 1; i < alternatives.Count; i++)
                {
                    weight = Math.Max(weight, BestFieldWeight(counts[i]) * alternatives[i].Weight);
                }
            }

            var known = weight > 0;
            var corrected = false;
            // A school word the knowledge base lacks ("verlof") is a real word, not a typo of a near one ("verloren").
            var school = analysis.School.Contains(word.Term);
            if (!known && !school && word.Term.Length >= _settings.FuzzyMinimumLength)
            {
                foreach (var correction in Corrections(language, word.Term))
                {
                    alternatives.Add((correction, _settings.FuzzyWeight));
                    counts.Add(index.TermCounts(language, correction));
                    weight = Math.Max(weight, BestFieldWeight(counts[^1]) * _settings.FuzzyWeight);
                    corrected = true;
                }
            }

            if (!known && (!corrected || _settings.CorrectionKeepsUnknownWeight))
            {
                weight = _settings.UnknownTermWeight;
            }

            // A synonym scores with the typed word's rarity (its boost is scaled by the idf ratio),
            // as Lucene's later SynonymQuery does: matching "privacywet" is worth what matching
            // "avg" would have been, not more.
            var wordIdf = wordEntries > 0 ? index.Idf(wordEntries) : 0;
            for (var i = 1; i < alternatives.Count; i++)
            {
                var (term, factor) = alternatives[i];
                var entries = counts[i][TermFrequencies.AnyField];
                if (wordIdf > 0 && entries > 0)
                {
                    alternatives[i] = (term, (float)(factor * wordIdf / index.Idf(entries)));
                }
            }

            // Counted first so the clause holds an array of exactly its disjuncts (no list, no spare capacity).
            var present = 0;
            foreach (var field in KnowledgeFieldNames.All)
            {
                for (var i = 0; i < alternatives.Count; i++)
                {
                    present += counts[i][(int)field] > 0 ? 1 : 0;
                }
            }

            var disjuncts = present == 0 ? [] : new QueryClause.Disjunct[present];
            var next = 0;
            foreach (var field in KnowledgeFieldNames.All)
            {
                for (var i = 0; i < alternatives.Count; i++)
                {
                    // A term the field does not contain can match nothing (and BM25 has no query
                    // norm), so leaving it out changes no score and saves a dictionary seek. (An
                    // entry count above 0 is what KnowledgeIndex.Contains says: a field's term
                    // dictionary holds exactly the terms some entry has in it.)
                    var (term, factor) = alternatives[i];
                    if (counts[i][(int)field] > 0)
                    {
                        disjuncts[next++] = new QueryClause.Disjunct(field, term, _settings.Boost(field) * factor);
                    }
                }
            }

            var clause = new QueryClause(disjuncts, _settings.TieBreaker);

            string[] expansions = alternatives.Count == 1 ? [] : new string[alternatives.Count - 1];
            for (var i = 1; i < alternatives.Count; i++)
            {
                expansions[i - 1] = alternatives[i].Term;
            }

            terms.Add(new QueryTerm(word.Term, expansions, weight, known || corrected, corrected, analysis.Everyday.Contains(word.Term), school));
            clauses.Add(clause);
        }

        return (terms, clauses);
    }

    private static ulong Matched(ReadOnlySpan<double> scores)
    {
        var mask = 0UL;
        for (var i = 0; i < scores.Length && i < 64; i++)
        {
            if (scores[i] > 0)
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }

    private static bool Topical(List<QueryTerm> terms, ReadOnlySpan<double> scores)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (scores[i] > 0 && terms[i].Topical)
            {
                return true;
            }
        }

        return false;
    }

    // Everyday words break ties in ranking but are no evidence that an entry explains the question.
    // (A loop rather than Select(…).Sum(): it runs for every matching entry twice per question. Same
    // additions in the same order, so the same doubles.)
    private static double Coverage(List<QueryTerm> terms, ReadOnlySpan<double> scores, double selfScore, float cap, bool everydayCounts)
    {
        if (!(selfScore > 0))
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            sum += t.Everyday && !everydayCounts ? 0 : Math.Min(scores[i], t.Weight * cap);
        }

        return sum / selfScore;
    }

    private static void Add(List<(string Term, float Weight)> alternatives, string term, float weight)
    {
        foreach (var (existing, _) in alternatives)
        {
            if (existing == term)
            {
                return;
            }
        }

        alternatives.Add((term, weight));
    }

    /// <summary>Whether a token before <paramref name="index"/> starts at the same offset (so its group was planned already).</summary>
    private static bool SeenBefore(IReadOnlyList<AnalyzedToken> words, int index)
    {
        for (var k = 0; k < index; k++)
        {
            if (words[k].StartOffset == words[index].StartOffset)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The group's word as typed: its first token that is not stacked, else its first token.</summary>
    private static AnalyzedToken FirstWord(IReadOnlyList<AnalyzedToken> words, int first)
    {
        for (var k = first; k < words.Count; k++)
        {
            if (words[k].StartOffset == words[first].StartOffset && !words[k].Stacked)
            {
                return words[k];
            }
        }

        return words[first];
    }

    private static bool HasTerm(List<QueryTerm> terms, string term)
    {
        foreach (var t in terms)
        {
            if (t.Term == term)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most a single occurrence of a term can score: boost × idf in its best field; 0 if absent.</summary>
    /// <param name="counts">The term's <see cref="KnowledgeIndex.TermCounts"/>.</param>
    private double BestFieldWeight(int[] counts)
    {
        var entries = counts[TermFrequencies.AnyField];
        if (entries == 0)
        {
            return 0;
        }

        float? boost = null;
        foreach (var field in KnowledgeFieldNames.All)
        {
            if (counts[(int)field] > 0)
            {
                boost = Math.Max(boost ?? float.MinValue, _settings.Boost(field));
            }
        }

        // The catch-all field holds the same texts as the four, so a term in it is in one of them (Max of none would throw, as the LINQ did).
        return (boost ?? throw new InvalidOperationException("A term counted in the catch-all field is in none of the fields.")) * index.Idf(entries);
    }

    /// <summary>Index terms within one or two edits of a word the index does not contain (what Lucene's FuzzyQuery selects; <see cref="FuzzyTermMatcher"/>).</summary>
    private string[] Corrections(KnowledgeLanguage language, string term)
    {
        var maxEdits = term.Length >= _settings.FuzzyTwoEditsLength ? 2 : 1;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in KnowledgeFieldNames.All)
        {
            // What FuzzyQuery(term, maxEdits, prefixLength: 1, FuzzyMaxExpansions, transpositions: true) rewrites to.
            foreach (var text in index.Terms(language, field).Matches(term, maxEdits, prefixLength: 1, _settings.FuzzyMaxExpansions))
            {
                found[text] = found.GetValueOrDefault(text) + 1;
            }
        }

        // Prefer the closest spellings; a handful is enough and keeps noise bounded. One sort on
        // (distance, more fields first, ordinal) rather than OrderBy/ThenBy: the terms are distinct, so
        // the order is total and any sort gives OrderBy's.
        var ranked = new (int Distance, int Fields, string Term)[found.Count];
        var n = 0;
        foreach (var (text, fields) in found)
        {
            ranked[n++] = (EditDistance(text, term), fields, text);
        }

        Array.Sort(ranked, static (a, b) =>
        {
            var order = a.Distance.CompareTo(b.Distance);
            order = order != 0 ? order : b.Fields.CompareTo(a.Fields);
            return order != 0 ? order : string.CompareOrdinal(a.Term, b.Term);
        });
        var take = Math.Min(ranked.Length, Math.Max(0, _settings.FuzzyMaxExpansions));
        var corrections = new string[take];
        for (var k = 0; k < take; k++)
        {
            corrections[k] = ranked[k].Term;
        }

        return corrections;
    }

    private static int EditDistance(string a, string b)
    {
        // Two rows on the stack (a word is short; the rare long one gets arrays): this runs for every correction candidate.
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
