using System.Text;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;
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

    /// <summary>
    /// The first word of every rule of <paramref name="map"/> (as the rule's text was analysed): a
    /// token that is none of them cannot start a match, so a question without one passes the
    /// synonym filter unchanged (<see cref="QuestionAnalyzer"/>).
    /// </summary>
    public static IReadOnlySet<string> FirstWords(SynonymMap map)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (map.Fst is null)
        {
            return words;
        }

        // The map's inputs are the rule's words as code points, separated by WORD_SEPARATOR.
        var rules = new Int32sRefFSTEnum<BytesRef>(map.Fst);
        while (rules.MoveNext())
        {
            var input = rules.Current.Input;
            var word = new StringBuilder();
            for (var i = input.Offset; i < input.Offset + input.Length && input.Int32s[i] != SynonymMap.WORD_SEPARATOR; i++)
            {
                word.Append(char.ConvertFromUtf32(input.Int32s[i]));
            }

            words.Add(word.ToString());
        }

        return words;
    }
}
