using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>A question to send to the privacy desk; only created after the asker consented.</summary>
public sealed record EscalationRequest(string Question, KnowledgeLanguage Language, string? BestEntryId, string? ContactName)
{
    /// <summary>Longer questions are cut: the desk needs the question, not a document.</summary>
    public const int MaxQuestionLength = 2000;
}
