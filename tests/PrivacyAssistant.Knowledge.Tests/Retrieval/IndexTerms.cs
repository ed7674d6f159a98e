using Lucene.Net.Index;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>The terms Lucene's own dictionary holds for a field: what the faster paths are compared with.</summary>
internal static class IndexTerms
{
    public static List<string> Of(KnowledgeIndex index, string field)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(index.Searcher.IndexReader, field);
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            result.Add(iterator.Term.Utf8ToString());
        }

        return result;
    }
}
