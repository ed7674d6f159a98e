using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

using PrivacyAssistant.Knowledge.Redaction;

namespace PrivacyAssistant.Knowledge;

/// <summary>
/// Everything built from one knowledge folder: the entries, the index, the breach patterns and the
/// answerer. Building it validates the whole folder (entries, synonyms, breach patterns, word lists, out-of-scope topics), so
/// a broken folder fails here with a <see cref="KnowledgeLoadException"/>.
/// </summary>
public sealed class KnowledgeEngine : IDisposable
{
    private KnowledgeEngine(KnowledgeBase knowledge, KnowledgeIndex index, BreachIntentDetector breachIntents, AnswerPolicy policy, OutOfScopeMatcher outOfScope, ExampleIndex examples, ExamplePolicy examplePolicy)
    {
        Examples = examples;
        ExamplePolicy = examplePolicy;
        Knowledge = knowledge;
        Index = index;
        Retriever = new LuceneRetriever(index);
        BreachIntents = breachIntents;
        Policy = policy;
        OutOfScope = outOfScope;
        QuestionForm = new QuestionForm(knowledge.QuestionFormWords);
        HowToQuestion = new HowToQuestion(knowledge.HowToPhrases, knowledge.PeopleWords);
        Warnings = RealWordsStamp.Staleness(knowledge.RealWords, breachIntents.ToleranceWordsSha256) is { } stale ? [stale] : [];
        Answerer = new KnowledgeAnswerer(knowledge, Retriever, breachIntents, policy, PersonalDataRedactor.For(knowledge, index.StopWords), outOfScope, questionForm: QuestionForm, howTo: HowToQuestion, examples: examples, examplePolicy: examplePolicy);
    }

    public KnowledgeBase Knowledge { get; }

    public KnowledgeIndex Index { get; }

    public LuceneRetriever Retriever { get; }

    public BreachIntentDetector BreachIntents { get; }

    public AnswerPolicy Policy { get; }

    public OutOfScopeMatcher OutOfScope { get; }

    public QuestionForm QuestionForm { get; }

    public HowToQuestion HowToQuestion { get; }

    /// <summary>The labelled texts (titles, alternates, <c>example-questions.tsv</c>) unsure decisions are compared with.</summary>
    public ExampleIndex Examples { get; }

    public ExamplePolicy ExamplePolicy { get; }

    public IKnowledgeAnswerer Answerer { get; }

    /// <summary>
    /// What is wrong with the folder but does not stop the bot (start-up logs them, <c>check-knowledge</c> prints them): a
    /// <c>real-words.txt</c> made for other breach patterns (<see cref="RealWordsStamp"/>).
    /// </summary>
    public IReadOnlyList<KnowledgeProblem> Warnings { get; }

    public static KnowledgeEngine Create(string folder, SchoolOptions school, KnowledgeOptions options, RetrievalSettings? settings = null)
    {
        var knowledge = KnowledgeLoader.Load(folder, school);
        return Create(knowledge, options, settings);
    }

    public static KnowledgeEngine Create(KnowledgeBase knowledge, KnowledgeOptions options, RetrievalSettings? settings = null)
    {
        KnowledgeIndex? index = null;
        try
        {
            index = new KnowledgeIndex(knowledge, settings);
            // Both languages' list words and out-of-scope phrases that analyse to nothing, reported together (one pass for the editor).
            var outOfScope = new OutOfScopeMatcher(knowledge.OutOfScope, index);
            IReadOnlyList<KnowledgeProblem> unsearchable =
                [.. index.Analysis(KnowledgeLanguage.Dutch).WordListProblems, .. index.Analysis(KnowledgeLanguage.English).WordListProblems, .. outOfScope.Problems];
            if (unsearchable.Count > 0)
            {
                throw new KnowledgeLoadException(knowledge.Folder, unsearchable);
            }

            // The example questions' words too: questions use them (and words the knowledge base lacks) more than the
            // entries' own, and a word known in advance skips its stems, compound parts and typo candidates per message.
            var breachIntents = new BreachIntentDetector(
                knowledge.BreachIntents,
                index.Analysis(KnowledgeLanguage.Dutch),
                index.Analysis(KnowledgeLanguage.English),
                knowledge.Texts.Concat(knowledge.Examples.Select(e => e.Question)),
                knowledge.RealWords);
            return new KnowledgeEngine(
                knowledge, index, breachIntents, AnswerPolicy.From(options), outOfScope, new ExampleIndex(knowledge, options.ExampleNeighbours, options.ExamplesStopShare), ExamplePolicy.From(options));
        }
        catch (KnowledgeLoadException ex)
        {
            index?.Dispose();
            // The parsers do not know where the folder is; name it for the reader.
            throw new KnowledgeLoadException(knowledge.Folder, ex.Problems);
        }
    }

    public void Dispose() => Index.Dispose();
}
