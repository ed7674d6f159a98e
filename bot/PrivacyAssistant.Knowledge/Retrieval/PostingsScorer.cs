using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Scores a question word's clause (a <see cref="QueryClause"/>: the <see cref="DisjunctionMaxQuery"/> of
/// boosted <see cref="TermQuery"/>s that <see cref="KnowledgeIndex.ToQuery"/> builds from it) from
/// postings, norms and idf values read once from the built index, with Lucene's arithmetic step for
/// step: the same BM25 formula in single precision and the same disjunction heap, so every score is
/// bit-identical to <see cref="IndexSearcher.Search(Query, int)"/> of that query.
/// </summary>
/// <remarks>
/// A Lucene search per clause builds weights (each term's BM25 weight allocates a 256-entry norm
/// cache), clones index inputs under a lock and collects into a priority queue: together with the
/// garbage it made, about half of retrieval's CPU (profile of 2026-11-23, RELIABILITY.md). The index
/// never changes after start-up, so all of that is done once here. The disjunction's sum is added in
/// the order of Lucene's heap (floats do not add associatively), which is why the heap is replayed
/// rather than the scores summed per document. Used only for an index of one segment (the
/// knowledge base's, built and committed once); otherwise <see cref="TryScore"/> declines and the
/// caller searches with Lucene.
/// </remarks>
internal sealed class PostingsScorer
{
    private const int NoMoreDocs = DocIdSetIterator.NO_MORE_DOCS;

    private readonly Dictionary<(string Field, string Term), TermPostings> _postings = [];
    private readonly float _k1PlusOne;

    /// <param name="fields">The fields whose terms clauses may contain.</param>
    public PostingsScorer(IndexSearcher searcher, EntryIdfSimilarity similarity, IEnumerable<string> fields)
    {
        _k1PlusOne = similarity.K1 + 1;
        var leaves = searcher.IndexReader.Leaves;
        if (leaves.Count != 1)
        {
            return; // TryScore declines: Lucene searches.
        }

        var leaf = leaves[0].AtomicReader;
        foreach (var field in fields)
        {
            var terms = leaf.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var collection = searcher.CollectionStatistics(field);
            var norms = Norms(similarity, collection, leaf, field);
            var termsEnum = terms.GetEnumerator();
            DocsEnum? postings = null;
            while (termsEnum.MoveNext())
            {
                var bytes = BytesRef.DeepCopyOf(termsEnum.Term);
                // What TermWeight asks the similarity (one segment: the segment's statistics are the index's).
                var idf = similarity.IdfExplain(collection, new TermStatistics(bytes, termsEnum.DocFreq, termsEnum.TotalTermFreq)).Value;
                var docs = new List<int>();
                var freqs = new List<float>();
                postings = termsEnum.Docs(null, postings);
                while (postings.NextDoc() != NoMoreDocs)
                {
                    docs.Add(postings.DocID);
                    freqs.Add(postings.Freq);
                }

                _postings[(field, bytes.Utf8ToString())] = new TermPostings(idf, [.. docs], [.. freqs], norms);
            }
        }
    }

    /// <summary>
    /// Adds every document <paramref name="clause"/> (in <paramref name="language"/>'s fields) matches, with its score, to <paramref name="hits"/>
    /// (in document order); false when this scorer cannot reproduce Lucene for it (then nothing is added).
    /// </summary>
    public bool TryScore(KnowledgeLanguage language, QueryClause clause, List<(int Doc, float Score)> hits)
    {
        if (_postings.Count == 0)
        {
            return false;
        }

        // The cursors and the heap array are this thread's, reused clause after clause (a clause is
        // scored start to end on one thread, with no call out in between): two to four retrievals per
        // turn, a clause per word, a cursor per disjunct were most of the scorer's garbage.
        var disjuncts = clause.Disjuncts;
        var heap = t_heap is { } reused && reused.Length >= disjuncts.Count ? reused : t_heap = new Cursor[Math.Max(16, disjuncts.Count)];
        var pool = t_cursors is { } cached && cached.Length >= disjuncts.Count ? cached : t_cursors = new Cursor[heap.Length];
        var count = 0;
        for (var d = 0; d < disjuncts.Count; d++)
        {
            var disjunct = disjuncts[d];
            if (!_postings.TryGetValue((KnowledgeFieldNames.Name(language, disjunct.Field), disjunct.Term), out var postings))
            {
                Array.Clear(heap, 0, count);
                return false;
            }

            // BM25Stats.Normalize and BM25DocScorer: weight = idf × query boost × top-level boost (1), times k1 + 1.
            var weight = postings.Idf * disjunct.Boost * 1f;
            var cursor = pool[count] ??= new Cursor();
            cursor.Start(postings, weight * _k1PlusOne);
            heap[count++] = cursor;
        }

        var disjunction = new Disjunction(heap, count, clause.TieBreaker);
        disjunction.ScoreAll(hits);
        return true;
    }

    [ThreadStatic]
    private static Cursor[]? t_heap;

    [ThreadStatic]
    private static Cursor[]? t_cursors;

    private static float[] Norms(EntryIdfSimilarity similarity, CollectionStatistics collection, AtomicReader leaf, string field)
    {
        var cache = similarity.NormCache(collection);
        var values = leaf.GetNormValues(field);
        var norms = new float[leaf.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            // BM25DocScorer: without norms, as if b = 0.
            norms[doc] = values is null ? similarity.K1 : cache[(sbyte)values.Get(doc) & 0xFF];
        }

        return norms;
    }

    private sealed record TermPostings(float Idf, int[] Docs, float[] Freqs, float[] Norms);

    /// <summary>One term's postings as Lucene's TermScorer walks them.</summary>
    private sealed class Cursor
    {
        private TermPostings postings = null!;
        private float weightValue;
        private int _index = -1;

        public int DocID { get; private set; } = -1;

        /// <summary>Positions the cursor before the first posting of <paramref name="termPostings"/> (what a new cursor was).</summary>
        public void Start(TermPostings termPostings, float weight)
        {
            postings = termPostings;
            weightValue = weight;
            _index = -1;
            DocID = -1;
        }

        public int NextDoc()
        {
            _index++;
            return DocID = _index < postings.Docs.Length ? postings.Docs[_index] : NoMoreDocs;
        }

        public float Score()
        {
            var freq = postings.Freqs[_index];
            return weightValue * freq / (freq + postings.Norms[DocID]);
        }
    }

    /// <summary>Lucene 4.8's DisjunctionScorer heap and DisjunctionMaxScorer sums, replayed.</summary>
    private struct Disjunction(Cursor[] scorers, int count, float tieBreaker)
    {
        private int _doc = -1;
        private float _scoreSum;
        private float _scoreMax;

        public void ScoreAll(List<(int Doc, float Score)> hits)
        {
            if (count == 0)
            {
                return;
            }

            // Heapify is a no-op: every cursor starts at -1.
            while (NextDoc() != NoMoreDocs)
            {
                hits.Add((_doc, _scoreMax + ((_scoreSum - _scoreMax) * tieBreaker)));
            }
        }

        private int NextDoc()
        {
            while (true)
            {
                if (scorers[0].NextDoc() != NoMoreDocs)
                {
                    HeapAdjust(0);
                }
                else
                {
                    HeapRemoveRoot();
                    if (count == 0)
                    {
                        return _doc = NoMoreDocs;
                    }
                }

                if (scorers[0].DocID != _doc)
                {
                    AfterNext();
                    return _doc;
                }
            }
        }

        private void AfterNext()
        {
            _doc = scorers[0].DocID;
            if (_doc != NoMoreDocs)
            {
                _scoreSum = _scoreMax = scorers[0].Score();
                Add(1);
                Add(2);
            }
        }

        private void Add(int root)
        {
            if (root < count && scorers[root].DocID == _doc)
            {
                var sub = scorers[root].Score();
                _scoreSum += sub;
                _scoreMax = Math.Max(_scoreMax, sub);
                Add((root << 1) + 1);
                Add((root << 1) + 2);
            }
        }

        private void HeapAdjust(int root)
        {
            var scorer = scorers[root];
            var doc = scorer.DocID;
            var i = root;
            while (i <= (count >> 1) - 1)
            {
                var left = (i << 1) + 1;
                var leftScorer = scorers[left];
                var leftDoc = leftScorer.DocID;
                var rightDoc = int.MaxValue;
                var right = (i << 1) + 2;
                Cursor? rightScorer = null;
                if (right < count)
                {
                    rightScorer = scorers[right];
                    rightDoc = rightScorer.DocID;
                }

                if (leftDoc < doc)
                {
                    if (rightDoc < leftDoc)
                    {
                        scorers[i] = rightScorer!;
                        scorers[right] = scorer;
                        i = right;
                    }
                    else
                    {
                        scorers[i] = leftScorer;
                        scorers[left] = scorer;
                        i = left;
                    }
                }
                else if (rightDoc < doc)
                {
                    scorers[i] = rightScorer!;
                    scorers[right] = scorer;
                    i = right;
                }
                else
                {
                    return;
                }
            }
        }

        private void HeapRemoveRoot()
        {
            if (count == 1)
            {
                scorers[0] = null!;
                count = 0;
            }
            else
            {
                scorers[0] = scorers[count - 1];
                scorers[count - 1] = null!;
                count--;
                HeapAdjust(0);
            }
        }
    }
}
