using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Knowledge;

/// <summary>
/// The <c>Knowledge</c> configuration section. Thresholds apply to the normalised confidence
/// (score ÷ the question's self score, see <see cref="Retrieval.LuceneRetriever"/>); the defaults
/// were calibrated on the dev set, see docs/knowledge-retrieval.md.
/// </summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// The knowledge folder. Relative paths are resolved against the current directory, then the
    /// application's folder. Empty = <c>knowledge</c> next to the executable (the build copies it
    /// there), else the nearest <c>knowledge</c> folder above the current directory (running from the repo).
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>At or above this confidence the best entry is shown as the answer.</summary>
    [Range(0.0, 10.0)]
    public double AnswerThreshold { get; set; } = 0.70;

    /// <summary>Below this confidence the bot says it does not know. Between the two it asks "Bedoel je…?".</summary>
    [Range(0.0, 10.0)]
    public double NoneThreshold { get; set; } = 0.22;

    /// <summary>
    /// Below this confidence a "Bedoel je…?" is only offered for a question that asks permission, obligation or
    /// who may see, or names personal data (<c>knowledge/question-form-words.txt</c>); otherwise the bot does not
    /// know. 0 switches the rule off.
    /// </summary>
    [Range(0.0, 10.0)]
    public double FormThreshold { get; set; } = 0.30;

    /// <summary>
    /// Below this confidence a "Bedoel je…?" is not offered for a how-to or "werkt niet" question
    /// (<c>knowledge/how-to-phrases.txt</c>) that has no question-form word and names no people
    /// (<c>knowledge/people-words.txt</c>): such a question asks about a tool. The default is the answer threshold
    /// (every card below it); 0 switches the rule off.
    /// </summary>
    [Range(0.0, 10.0)]
    public double HowToThreshold { get; set; } = 0.70;

    /// <summary>When the runner-up's BM25 score is at least this fraction of the best's, the two are too close to call.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyRatio { get; set; } = 0.9;

    /// <summary>
    /// A "Bedoel je…?" becomes the answer when the labelled example questions (<c>knowledge/example-questions.tsv</c>, with the
    /// entries' titles and alternates) support its first option at least this much (the winning label's summed similarity
    /// over the nearest texts ÷ their number). Tuned on half A of dev.tsv's blocks from session 9 on
    /// (docs/knowledge-retrieval.md, "Session 12, example questions"); 0 switches the rule off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ExamplesAnswerSupport { get; set; }

    /// <summary>A "Bedoel je…?" becomes "not sure" when the nearest examples are outside privacy (none) at least this much. 0: off.</summary>
    [Range(0.0, 1.0)]
    public double ExamplesNoneSupport { get; set; } = 0.10;

    /// <summary>A "Bedoel je…?" shows the examples' entry first (the FAQ's best second) when they support another entry at least this much. 0: off.</summary>
    [Range(0.0, 1.0)]
    public double ExamplesCardSupport { get; set; } = 0.10;

    /// <summary>"Not sure" becomes a "Bedoel je…?" with the examples' entry (never an answer) when they support it at least this much. 0: off.</summary>
    [Range(0.0, 1.0)]
    public double ExamplesRescueSupport { get; set; } = 0.18;

    /// <summary>
    /// "Not sure" is not turned into a "Bedoel je…?" when the single most similar labelled text is outside privacy (none) at
    /// this similarity or more, however much the other neighbours support an entry. Flat at 0.30–0.45 on dev (session 14,
    /// docs/knowledge-retrieval.md "Session 14, off-topic cards"); 0: off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ExamplesNearestNoneVeto { get; set; } = 0.40;

    /// <summary>
    /// A letter n-gram or word more than this share of the labelled texts have (" de", "wat") is left out of the examples'
    /// vector space. 1 (the default) keeps every feature: at 0.1 a question walks 2.6× fewer postings but the examples'
    /// CPU fell only 10–20 % (the cost is per feature, not per posting) and half B of dev's blocks from session 9 on lost
    /// 1–4 questions (docs/knowledge-retrieval.md, "Session 12, example questions").
    /// </summary>
    [Range(0.001, 1.0)]
    public double ExamplesStopShare { get; set; } = 1.0;

    /// <summary>How many of the nearest labelled texts vote.</summary>
    [Range(1, Retrieval.ExampleIndex.MaxNeighbours)]
    public int ExampleNeighbours { get; set; } = 5;

    /// <summary>
    /// How often the daily question counts kept in memory are written to the database (also at
    /// shutdown). A crash loses at most this much of these statistics; never a report or a vote.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QuestionCountFlushInterval { get; set; } = TimeSpan.FromSeconds(15);
}
