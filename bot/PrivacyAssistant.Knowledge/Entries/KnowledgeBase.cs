namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>The validated contents of the knowledge folder.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, KnowledgeEntry> _byId;

    public KnowledgeBase(
        string folder,
        IReadOnlyList<KnowledgeEntry> entries,
        string synonyms,
        string breachIntents,
        WordList everydayWords,
        WordList schoolWords,
        WordList stopWords,
        WordList questionFormWords,
        OutOfScopeList outOfScope,
        HowToPhraseList howToPhrases,
        WordList peopleWords,
        SchoolOptions school,
        IReadOnlyList<ExampleQuestion>? examples = null,
        string realWords = "")
    {
        RealWords = realWords;
        Examples = examples ?? [];
        Folder = folder;
        Entries = entries;
        Synonyms = synonyms;
        BreachIntents = breachIntents;
        EverydayWords = everydayWords;
        SchoolWords = schoolWords;
        StopWords = stopWords;
        QuestionFormWords = questionFormWords;
        OutOfScope = outOfScope;
        HowToPhrases = howToPhrases;
        PeopleWords = peopleWords;
        School = school;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The folder the files were read from (absolute).</summary>
    public string Folder { get; }

    /// <summary>The entries, ordered by id.</summary>
    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    /// <summary>Every text of every entry in both languages: alternates, keywords, title and answer (Markdown).</summary>
    public IEnumerable<string> Texts =>
        Entries.SelectMany(e => new[] { e.Dutch, e.English }).SelectMany(c => c.Alternates.Concat(c.Keywords).Append(c.Title).Append(c.AnswerMarkdown));

    /// <summary>The text of <c>synonyms.txt</c> (Solr synonym format); empty when the file is absent.</summary>
    public string Synonyms { get; }

    /// <summary>
    /// The text of <c>real-words.txt</c>: correctly spelled words that lie one edit from a breach-pattern word ("ingetrokken",
    /// "overal", "verlof"), which the breach patterns' typo tolerance must not read as that word; empty when the file is absent.
    /// </summary>
    public string RealWords { get; }

    /// <summary>The text of <c>breach-intents.txt</c>; empty when the file is absent.</summary>
    public string BreachIntents { get; }

    /// <summary><c>everyday-words.txt</c>: words searched but no evidence of a topic (time, weekdays, greetings).</summary>
    public WordList EverydayWords { get; }

    /// <summary><c>school-words.txt</c>: school and office words that cannot alone make an entry plausible.</summary>
    public WordList SchoolWords { get; }

    /// <summary><c>stop-words.txt</c>: filler and question-framing words removed from questions and entries, on top of Lucene's Snowball lists.</summary>
    public WordList StopWords { get; }

    /// <summary><c>question-form-words.txt</c>: words of permission, obligation, who may see and personal data, which mark a privacy question (<see cref="Answering.QuestionForm"/>).</summary>
    public WordList QuestionFormWords { get; }

    /// <summary><c>how-to-phrases.txt</c>: phrases of questions asking how to operate something or saying it does not work (<see cref="Answering.HowToQuestion"/>).</summary>
    public HowToPhraseList HowToPhrases { get; }

    /// <summary><c>people-words.txt</c>: words for the people a school holds data about; a how-to question naming them may be a privacy question (<see cref="Answering.HowToQuestion"/>).</summary>
    public WordList PeopleWords { get; }

    /// <summary><c>out-of-scope.txt</c>: topics staff ask about that are not privacy questions.</summary>
    public OutOfScopeList OutOfScope { get; }

    /// <summary><c>example-questions.tsv</c>: questions staff asked, labelled with their entry or none (empty when the file is absent).</summary>
    public IReadOnlyList<ExampleQuestion> Examples { get; }

    /// <summary>The school values the placeholders were filled with.</summary>
    public SchoolOptions School { get; }

    public KnowledgeEntry? Find(string id) => _byId.GetValueOrDefault(id);

    public KnowledgeEntry Get(string id) =>
        _byId.TryGetValue(id, out var entry) ? entry : throw new KeyNotFoundException($"No knowledge entry with id '{id}'.");
}
