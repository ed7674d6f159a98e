namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Tuning of the index and the query. The defaults were chosen on the dev set
/// (tests/PrivacyAssistant.Knowledge.Tests/Evaluation/dev.tsv); see docs/knowledge-retrieval.md.
/// </summary>
public sealed record RetrievalSettings
{
    public static RetrievalSettings Default { get; } = new();

    public CompoundMode Compounds { get; init; } = CompoundMode.Splitter;

    /// <summary>Snowball stemmer for Dutch: <c>Dutch</c> (Porter-style) or <c>Kp</c> (Kraaij-Pohlmann).</summary>
    public string DutchStemmer { get; init; } = "Dutch";

    public float TitleBoost { get; init; } = 3f;

    public float AlternatesBoost { get; init; } = 2.5f;

    public float KeywordsBoost { get; init; } = 2f;

    public float AnswerBoost { get; init; } = 1f;

    /// <summary>A term added by the synonyms file counts a little less than the word the user typed.</summary>
    public float SynonymWeight { get; init; } = 0.9f;

    /// <summary>A compound part (leerling in leerlingdossier) counts less than the whole word.</summary>
    public float CompoundPartWeight { get; init; } = 0.7f;

    /// <summary>A typo-corrected term counts less than an exact one.</summary>
    public float FuzzyWeight { get; init; } = 0.7f;

    /// <summary>Words shorter than this are never fuzzy-matched (too many neighbours).</summary>
    public int FuzzyMinimumLength { get; init; } = 5;

    /// <summary>From this length two edits are allowed, below it one.</summary>
    public int FuzzyTwoEditsLength { get; init; } = 9;

    /// <summary>How many index terms one misspelled word may expand to.</summary>
    public int FuzzyMaxExpansions { get; init; } = 3;

    /// <summary>
    /// Weight (in boosted-idf units) of a query word the knowledge base does not contain at all.
    /// It only enters the confidence denominator: an unknown word is evidence that the question is
    /// about something the knowledge base does not cover.
    /// </summary>
    public float UnknownTermWeight { get; init; } = 12f;

    /// <summary>
    /// When true, a typo-corrected word keeps the unknown-word weight in the denominator, so a
    /// correction can only partly make up for a word the knowledge base does not know.
    /// </summary>
    public bool CorrectionKeepsUnknownWeight { get; init; } = true;

    /// <summary>
    /// Rank by confidence (each word's score capped at its weight) instead of the raw BM25 sum, so
    /// an entry that repeats one word of the question many times cannot outrank an entry that
    /// matches all of its words.
    /// </summary>
    public bool RankByConfidence { get; init; } = true;

    /// <summary>
    /// A word's score counts towards confidence up to this multiple of its weight: 1 means "matched
    /// once in its best field" is all a word can contribute.
    /// </summary>
    public float ConfidenceCap { get; init; } = 1f;

    /// <summary>The same cap for ranking (with <see cref="RankByConfidence"/>): a word matched in several fields may rank an entry higher than it raises confidence.</summary>
    public float RankingCap { get; init; } = 2f;

    /// <summary>How much a term's second-best field adds to its best one (DisjunctionMax tie breaker).</summary>
    public float TieBreaker { get; init; } = 0.3f;

    /// <summary>
    /// An entry that matches only school and everyday words (<c>knowledge/school-words.txt</c>) gets confidence 0:
    /// "hoe vraag ik een nieuwe laptop aan" shares "laptop" with three entries and is about none of them.
    /// </summary>
    public bool RequireTopicalWord { get; init; } = true;

    public float K1 { get; init; } = 1.2f;

    public float B { get; init; } = 0.75f;
}
