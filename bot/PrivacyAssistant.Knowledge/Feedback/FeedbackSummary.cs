namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>What the privacy officer sees to improve the knowledge base.</summary>
/// <param name="Votes">Per entry: 👍 and 👎 counts.</param>
/// <param name="Decisions">Per decision and entry ("" for none): how often it happened.</param>
/// <param name="OpenEscalations">Escalated questions not yet handled.</param>
public sealed record FeedbackSummary(
    IReadOnlyList<(string EntryId, long Helpful, long NotHelpful)> Votes,
    IReadOnlyList<(string Decision, string EntryId, long Count)> Decisions,
    IReadOnlyList<Escalation> OpenEscalations);
