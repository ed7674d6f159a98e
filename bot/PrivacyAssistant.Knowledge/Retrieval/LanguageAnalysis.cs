using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>The analyzers of one language, built from the knowledge vocabulary and the synonyms file.</summary>
public sealed class LanguageAnalysis : IDisposable
{
    private LanguageAnalysis(KnowledgeLanguage language, Stemmer stemmer, CompoundSplitter? splitter, KnowledgeAnalyzer index, KnowledgeAnalyzer query)
    {
        Language = language;
        Stemmer = stemmer;
        Splitter = splitter;
        Index = index;
        Query = query;
        Everyday = AnalysedWords(index, EverydayWords.For(language));
        School = AnalysedWords(index, SchoolWords.For(language));
    }

    // A word list's terms as the index holds them (the word's own term, not its compound parts).
    private static HashSet<string> AnalysedWords(KnowledgeAnalyzer index, IEnumerable<string> words) =>
        words.SelectMany(word => index.Analyze(word).Where(t => !t.Stacked).Select(t => t.Term)).ToHashSet(StringComparer.Ordinal);

    public KnowledgeLanguage Language { get; }

    public Stemmer Stemmer { get; }

    /// <summary>The compound splitter (Dutch with <see cref="CompoundMode.Splitter"/>), else null.</summary>
    public CompoundSplitter? Splitter { get; }

    /// <summary>Analyzes entry text for the index: no synonyms (they are expanded at query time).</summary>
    public KnowledgeAnalyzer Index { get; }

    /// <summary>Adds synonyms to questions (the words and their compound parts come from <see cref="Index"/>).</summary>
    public KnowledgeAnalyzer Query { get; }

    /// <summary>The analysed forms of <see cref="EverydayWords"/>: searched, but no evidence of a topic.</summary>
    public IReadOnlySet<string> Everyday { get; }

    /// <summary>The analysed forms of <see cref="SchoolWords"/>: they count, but cannot alone make an entry plausible.</summary>
    public IReadOnlySet<string> School { get; }

    /// <param name="recorded">
    /// Each distinct text of <paramref name="texts"/> as the chain before compound splitting saw it,
    /// for the index build to replay (<see cref="IndexTokens"/>) instead of analysing it again.
    /// </param>
    public static LanguageAnalysis Build(
        KnowledgeLanguage language,
        IEnumerable<string> texts,
        string synonymsText,
        RetrievalSettings settings,
        out IReadOnlyDictionary<string, RecordedTokens> recorded)
    {
        var stemmerName = language == KnowledgeLanguage.English ? Stemmer.DefaultFor(language) : settings.DutchStemmer;
        var stemmer = new Stemmer(stemmerName);
        var synonyms = SynonymRules.Parse(synonymsText, language, stemmerName);

        // The index chain without its compound stage: its terms are the vocabulary the compound
        // splitter works from, and the compound stage is added on replay.
        var byText = new Dictionary<string, RecordedTokens>(StringComparer.Ordinal);
        using (var plain = new KnowledgeAnalyzer(language, stemmerName))
        {
            foreach (var text in texts)
            {
                if (!byText.ContainsKey(text))
                {
                    byText[text] = RecordedTokens.Record(plain, text);
                }
            }
        }

        recorded = byText;
        CompoundSplitter? splitter = null;
        CharArraySet? dictionary = null;
        if (language == KnowledgeLanguage.Dutch && settings.Compounds != CompoundMode.None)
        {
            var vocabulary = byText.Values.SelectMany(r => r.Tokens).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            if (settings.Compounds == CompoundMode.Splitter)
            {
                splitter = new CompoundSplitter(vocabulary, stemmer.Stem);
            }
            else
            {
                dictionary = new CharArraySet(LuceneVersion.LUCENE_48, vocabulary.Where(w => w.Length >= CompoundSplitter.MinimumPartLength).ToList(), ignoreCase: false);
            }
        }

        var index = new KnowledgeAnalyzer(language, stemmerName, splitter: splitter, compoundDictionary: dictionary);
        // Synonyms are not decompounded: "inloggegevens" as a synonym of "wachtwoord" must not add "gegeven".
        var query = new KnowledgeAnalyzer(language, stemmerName, synonyms: synonyms);
        return new LanguageAnalysis(language, stemmer, splitter, index, query);
    }

    /// <summary>A recorded text as <see cref="Index"/> analyses it (compound parts added), for the index writer.</summary>
    public TokenStream IndexTokens(RecordedTokens recorded) => Index.WithCompoundParts(recorded.Replay());

    public void Dispose()
    {
        Index.Dispose();
        Query.Dispose();
    }
}
