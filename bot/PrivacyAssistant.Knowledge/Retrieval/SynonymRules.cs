using Lucene.Net.Analysis.Synonym;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Reads <c>knowledge/synonyms.txt</c> (Solr format: <c>laptop, notebook</c> for words that mean
/// the same, <c>gejat => gestolen</c> for one-way rewrites, <c>#</c> comments) into a Lucene
/// <see cref="SynonymMap"/> for one language's analysis chain. One file serves both languages:
/// a Dutch rule simply never fires on English text.
/// </summary>
public static class SynonymRules
{
    public static SynonymMap? Parse(string text, KnowledgeLanguage language, string stemmer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var analyzer = KnowledgeAnalyzer.ForSynonymRules(language, stemmer);
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        try
        {
            parser.Parse(new StringReader(text));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new KnowledgeLoadException(
                "knowledge",
                [new KnowledgeProblem(KnowledgeLoader.SynonymsFile, $"cannot be read: {ex.Message.ReplaceLineEndings(" ")}")]);
        }

        return parser.Build();
    }
}
