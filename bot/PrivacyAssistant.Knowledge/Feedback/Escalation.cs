using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>A question the asker chose to send to the privacy desk.</summary>
/// <param name="Id">Database id.</param>
/// <param name="Question">The question as typed (stored with the asker's consent).</param>
/// <param name="Language">The asker's language.</param>
/// <param name="BestEntryId">The entry the bot thought closest, if any (helps the desk improve the knowledge).</param>
/// <param name="ContactName">The asker's display name, only if they asked to be contacted.</param>
/// <param name="CreatedAt">When it was sent.</param>
public sealed record Escalation(long Id, string Question, KnowledgeLanguage Language, string? BestEntryId, string? ContactName, DateTimeOffset CreatedAt)
{
    /// <summary>What the asker and the desk quote: <c>VR-2026-0007</c>.</summary>
    public string Reference => $"VR-{CreatedAt.UtcDateTime.Year}-{Id:0000}";
}
