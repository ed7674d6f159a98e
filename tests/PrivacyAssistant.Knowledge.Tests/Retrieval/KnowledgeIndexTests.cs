using Lucene.Net.Index;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class KnowledgeIndexTests
{
    /// <summary>
    /// Retrieval plans a word's clause from <see cref="KnowledgeIndex.TermCounts"/> alone (its weight, the
    /// idf ratios and which fields to search), so the counts must say what Lucene's index says (the
    /// document frequency of the term in each field and in the catch-all field, one document per entry)
    /// and what <see cref="KnowledgeIndex.Contains"/> (the term dictionaries the searches seek in) says,
    /// for every term of the index and for words it lacks.
    /// </summary>
    [Fact]
    public void TermCounts_EveryIndexTermAndDevWord_AgreeWithLucenesDocFreqAndContains()
    {
        var index = EvaluationSets.Product.Index;
        var reader = index.Searcher.IndexReader;
        var compared = 0;
        var absentSomewhere = 0;
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            var terms = Enum.GetValues<KnowledgeField>()
                .SelectMany(field => IndexTerms.Of(index, KnowledgeFieldNames.Name(language, field)))
                .Concat(EvaluationSets.Dev.SelectMany(c => index.Analysis(language).Query.Analyze(c.Question)).Select(t => t.Term))
                .Append("zzzqqq")
                .Distinct(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                var counts = index.TermCounts(language, term);
                Assert.Equal(reader.DocFreq(new Term(KnowledgeFieldNames.AllName(language), term)), counts[TermFrequencies.AnyField]);
                foreach (var field in Enum.GetValues<KnowledgeField>())
                {
                    Assert.Equal(reader.DocFreq(new Term(KnowledgeFieldNames.Name(language, field), term)), counts[(int)field]);
                    Assert.Equal(index.Contains(language, field, term), counts[(int)field] > 0);
                    absentSomewhere += counts[(int)field] == 0 ? 1 : 0;
                }

                compared++;
            }
        }

        Assert.True(compared > 3000, $"only {compared} terms compared");
        Assert.True(absentSomewhere > 1000, $"only {absentSomewhere} absent (term, field) pairs: Contains was hardly tested for false");
    }
}
