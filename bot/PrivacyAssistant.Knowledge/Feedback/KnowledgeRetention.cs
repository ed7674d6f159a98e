using PrivacyAssistant.Storage.Retention;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>How long the knowledge tables keep rows; the reasons are the ones in docs/data-retention.md.</summary>
public static class KnowledgeRetention
{
    public static RetentionRule[] Rules { get; } =
    [
        new("knowledge_feedback", "created_at", TimeSpan.FromDays(365),
            "👍/👎 per entry, no identity: a school year of votes shows which answers need work."),
        new("knowledge_question_counts", "day", TimeSpan.FromDays(730),
            "Daily counts per decision and entry, no question text: two years to compare school years."),
        new("knowledge_escalations", "created_at", TimeSpan.FromDays(180),
            "Questions sent to the privacy desk with consent: long enough to answer and fold into the knowledge base."),
    ];
}
