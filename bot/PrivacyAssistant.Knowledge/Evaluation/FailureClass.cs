namespace PrivacyAssistant.Knowledge.Evaluation;

/// <summary>
/// Why an evaluation question failed: the error classes docs/knowledge-retrieval.md tracks per set.
/// They are counts a held-out set may be summarised by without showing a question or an entry.
/// </summary>
public enum FailureClass
{
    /// <summary>An entry question answered with another entry.</summary>
    WrongAnswer,

    /// <summary>
    /// An entry question got a "Bedoel je…?" led by another entry with the expected entry as the
    /// second option: only the order is wrong, so this bounds what reordering the options can gain.
    /// </summary>
    ClarifyExpectedSecond,

    /// <summary>An entry question got a "Bedoel je…?" that does not offer the expected entry.</summary>
    ClarifyWithoutExpected,

    /// <summary>An entry question answered "Dat weet ik niet zeker".</summary>
    EntryNone,

    /// <summary>An entry question taken for a breach report.</summary>
    EntryTakenForReport,

    /// <summary>An off-topic question that got a "Bedoel je…?".</summary>
    OffTopicClarified,

    /// <summary>An off-topic question answered with confidence (the failure the product must never have).</summary>
    OffTopicAnswered,

    /// <summary>An off-topic question taken for a breach report.</summary>
    OffTopicTakenForReport,

    /// <summary>A breach report answered, clarified or not known instead of offered the report card.</summary>
    ReportMissed,
}
