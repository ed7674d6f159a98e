using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>A question to send to the privacy desk; only created after the asker consented.</summary>
/// <param name="ReplyTo">
/// Where the desk's answer goes (an opaque address the conversation layer writes and reads: the
/// Teams conversation). Kept only while the question is open; null when the asker cannot be reached.
/// </param>
public sealed record EscalationRequest(string Question, KnowledgeLanguage Language, string? BestEntryId, string? ContactName, string? ReplyTo = null)
{
    /// <summary>Longer questions are cut: the desk needs the question, not a document.</summary>
    public const int MaxQuestionLength = 2000;

    /// <summary>The desk's answers are cut at this length too (a Teams card holds about 28 KB).</summary>
    public const int MaxAnswerLength = 4000;
}
