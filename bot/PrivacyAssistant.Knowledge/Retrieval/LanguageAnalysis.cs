using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>The analyzers of one language, built from the knowledge vocabulary and the synonyms file, and the word lists analysed with them.</summary>
public sealed class LanguageAnalysis : IDisposable
{
    private LanguageAnalysis(
        KnowledgeLanguage language, Stemmer stemmer, CompoundSplitter? splitter, KnowledgeAnalyzer shared, KnowledgeAnalyzer index, KnowledgeAnalyzer query, IReadOnlySet<string>? ruleStarts, WordList everyday, WordList school)
    {
        Language = language;
        Shared = shared;
        _questions = new ThreadLocal<QuestionAnalyzer>(() => new QuestionAnalyzer(shared, index, query, ruleStarts));
        Stemmer = stemmer;
        Splitter = splitter;
        Index = index;
        Query = query;
        var problems = new List<KnowledgeProblem>();
        Everyday = AnalysedWords(index, everyday, problems);
        School = AnalysedWords(index, school, problems);
        WordListProblems = problems;
    }

    // A word list's terms as the index holds them (the word's own term, not its compound parts). A
    // word the chain drops (a stop word) would be on the list without effect: that is a problem.
    private HashSet<string> AnalysedWords(KnowledgeAnalyzer index, WordList list, List<KnowledgeProblem> problems)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in list.For(Language))
        {
            var added = false;
            foreach (var token in index.Analyze(word.Word))
            {
                if (!token.Stacked)
                {
                    terms.Add(token.Term);
                    added = true;
                }
            }

            if (!added)
            {
                problems.Add(new KnowledgeProblem(list.File,
                    $"line {word.Line}: '{word.Word}' is a stop word in {Language}: questions are never searched for it, so listing it does nothing; remove it"));
            }
        }

        return terms;
    }

    private readonly ThreadLocal<QuestionAnalyzer> _questions;

    public KnowledgeLanguage Language { get; }

    /// <summary>The stages every chain of the language shares (no synonyms, no compound parts); <see cref="Index"/> and <see cref="Query"/> add their tails.</summary>
    public KnowledgeAnalyzer Shared { get; }

    public Stemmer Stemmer { get; }

    /// <summary>The compound splitter (Dutch with <see cref="CompoundMode.Splitter"/>), else null.</summary>
    public CompoundSplitter? Splitter { get; }

    /// <summary>Analyzes entry text for the index: no synonyms (they are expanded at query time).</summary>
    public KnowledgeAnalyzer Index { get; }

    /// <summary>Adds synonyms to questions (the words and their compound parts come from <see cref="Index"/>).</summary>
    public KnowledgeAnalyzer Query { get; }

    /// <summary>The analysed forms of <c>everyday-words.txt</c>: searched, but no evidence of a topic.</summary>
    public IReadOnlySet<string> Everyday { get; }

    /// <summary>The analysed forms of <c>school-words.txt</c>: they count, but cannot alone make an entry plausible.</summary>
    public IReadOnlySet<string> School { get; }

    /// <summary>Words of the two lists that analyse to nothing, by file and line; the engine refuses the folder when there are any.</summary>
    public IReadOnlyList<KnowledgeProblem> WordListProblems { get; }

    /// <param name="recorded">
    /// Each distinct text of <paramref name="texts"/> as the chain before compound splitting saw it,
    /// for the index build to replay (<see cref="IndexTokens"/>) instead of analysing it again.
    /// </param>
    public static LanguageAnalysis Build(
        KnowledgeLanguage language,
        IEnumerable<string> texts,
        string synonymsText,
        WordList everydayWords,
        WordList schoolWords,
        StopWords stopWords,
        RetrievalSettings settings,
        out IReadOnlyDictionary<string, RecordedTokens> recorded)
    {
        var stemmerName = language == KnowledgeLanguage.English ? Stemmer.DefaultFor(language) : settings.DutchStemmer;
        var stemmer = new Stemmer(stemmerName);
        var synonyms = SynonymRules.Parse(synonymsText, language, stemmerName);
        var stop = stopWords.For(language);

        // The index chain without its compound stage: its terms are the vocabulary the compound
        // splitter works from, and the compound stage is added on replay.
        // Kept: questions run it once and replay it into both tails (AnalyzeQuestion).
        var byText = new Dictionary<string, RecordedTokens>(StringComparer.Ordinal);
        var plain = new KnowledgeAnalyzer(language, stemmerName, stop);
        foreach (var text in texts)
        {
            if (!byText.ContainsKey(text))
            {
                byText[text] = RecordedTokens.Record(plain, text);
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

        var index = new KnowledgeAnalyzer(language, stemmerName, stop, splitter: splitter, compoundDictionary: dictionary);
        // Synonyms are not decompounded: "inloggegevens" as a synonym of "wachtwoord" must not add "gegeven".
        var query = new KnowledgeAnalyzer(language, stemmerName, stop, synonyms: synonyms);
        return new LanguageAnalysis(language, stemmer, splitter, plain, index, query, synonyms is null ? null : SynonymRules.FirstWords(synonyms), everydayWords, schoolWords);
    }

    /// <summary>A recorded text as <see cref="Index"/> analyses it (compound parts added), for the index writer.</summary>
    public TokenStream IndexTokens(RecordedTokens recorded) => Index.WithCompoundParts(recorded.Replay());

    /// <summary>
    /// A question as <see cref="Index"/> (<paramref name="words"/>: the words and their compound parts)
    /// and <see cref="Query"/> (<paramref name="expanded"/>: the words and their synonyms) analyse it,
    /// with the shared stages run once (<see cref="QuestionAnalyzer"/>). The lists are reused by the
    /// next question on the same thread.
    /// </summary>
    public void AnalyzeQuestion(string question, out IReadOnlyList<AnalyzedToken> words, out IReadOnlyList<AnalyzedToken> expanded) =>
        _questions.Value!.Analyze(question, out words, out expanded);

    public void Dispose()
    {
        _questions.Dispose();
        Shared.Dispose();
        Index.Dispose();
        Query.Dispose();
    }
}
