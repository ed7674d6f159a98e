using Lucene.Net.Index;
using Lucene.Net.Search;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary><see cref="PostingsScorer"/> against Lucene's own search of the query a clause stands for: every score bit for bit.</summary>
public sealed class PostingsScorerTests
{
    [Fact]
    public void TryScore_ClausesOverShippedTerms_GivesLucenesDocumentsAndScoresBitForBit()
    {
        var index = EvaluationSets.Product.Index;
        var scorer = new PostingsScorer(index.Searcher, (EntryIdfSimilarity)index.Similarity, AllFields());
        var random = new Random(20261123);
        var multiMatch = 0;
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            // Words as retrieval uses them: one text looked up in every field that has it, plus a few
            // other words (synonyms, compound parts, corrections) at lower boosts.
            var texts = KnowledgeFieldNames.All.SelectMany(f => FieldTerms(index, KnowledgeFieldNames.Name(language, f))).Distinct().Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < 1500; i++)
            {
                var tieBreaker = random.Next(3) switch { 0 => 0f, 1 => 0.1f, _ => (float)random.NextDouble() };
                var clause = new DisjunctionMaxQuery(tieBreaker);
                var disjuncts = new List<QueryClause.Disjunct>();
                foreach (var (text, factor) in Enumerable.Range(0, random.Next(1, 5)).Select(k => (texts[random.Next(texts.Count)], k == 0 ? 1f : (float)random.NextDouble())))
                {
                    foreach (var field in KnowledgeFieldNames.All)
                    {
                        Assert.Equal(index.TermQuery(language, field, text) is not null, index.Contains(language, field, text));
                        if (index.TermQuery(language, field, text) is { } query)
                        {
                            query.Boost = index.Settings.Boost(field) * factor;
                            clause.Add(query);
                            disjuncts.Add(new QueryClause.Disjunct(field, text, index.Settings.Boost(field) * factor));
                        }
                    }
                }

                var planned = new QueryClause(disjuncts, tieBreaker);

                var lucene = index.Searcher.Search(clause, index.DocumentCount).ScoreDocs
                    .Select(h => (h.Doc, Bits: BitConverter.SingleToInt32Bits(h.Score))).OrderBy(h => h.Doc).ToList();
                var hits = new List<(int Doc, float Score)>();
                Assert.True(scorer.TryScore(language, planned, hits));
                Assert.Equal(lucene, hits.Select(h => (h.Doc, Bits: BitConverter.SingleToInt32Bits(h.Score))).OrderBy(h => h.Doc).ToList());
                // Through the index (which scores with its own PostingsScorer), and the query the clause stands for is Lucene's.
                Assert.Equal(lucene, index.Search(language, planned).Select(h => (h.Doc, Bits: BitConverter.SingleToInt32Bits(h.Score))).OrderBy(h => h.Doc).ToList());
                Assert.Equal(clause, index.ToQuery(language, planned));
                multiMatch += clause.Disjuncts.Count > 2 && lucene.Count > 0 ? 1 : 0;
            }
        }

        // Most clauses must have several disjuncts matching: that is where the order of the float sum matters.
        Assert.True(multiMatch > 1000, $"only {multiMatch} clauses with several disjuncts and hits");
    }

    [Fact]
    public void Search_EmptyClause_FindsNothing()
    {
        Assert.Empty(EvaluationSets.Product.Index.Search(KnowledgeLanguage.Dutch, new QueryClause([], 0.1f)));
    }

    private static IEnumerable<string> AllFields() =>
        new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English }.SelectMany(l => KnowledgeFieldNames.All.Select(f => KnowledgeFieldNames.Name(l, f)));

    private static List<string> FieldTerms(KnowledgeIndex index, string field)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(index.Searcher.IndexReader, field);
        if (terms is not null)
        {
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                result.Add(iterator.Term.Utf8ToString());
            }
        }

        return result;
    }
}
