using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// The knowledge feature's tables. None holds the asker's identity; the only free text is an
/// escalated question, stored because the asker ticked the consent box. See docs/data-retention.md.
/// </summary>
public static class KnowledgeMigrations
{
    public const string Feature = "knowledge";

    private const string Tables = """
        CREATE TABLE knowledge_feedback (
            id {0},
            entry_id TEXT NOT NULL,
            helpful {1} NOT NULL,
            language TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX ix_knowledge_feedback_created_at ON knowledge_feedback (created_at);
        CREATE TABLE knowledge_question_counts (
            day BIGINT NOT NULL,
            decision TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            language TEXT NOT NULL,
            count BIGINT NOT NULL,
            PRIMARY KEY (day, decision, entry_id, language)
        );
        CREATE TABLE knowledge_escalations (
            id {0},
            question TEXT NOT NULL,
            language TEXT NOT NULL,
            best_entry_id TEXT NULL,
            contact_name TEXT NULL,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX ix_knowledge_escalations_created_at ON knowledge_escalations (created_at);
        """;

    /// <summary>
    /// The desk answers in Teams: where to reply (the asker's conversation, kept only while the
    /// question is open), the answer, and which officer handled it when.
    /// </summary>
    private const string Answers = """
        ALTER TABLE knowledge_escalations ADD COLUMN reply_to TEXT NULL;
        ALTER TABLE knowledge_escalations ADD COLUMN answer TEXT NULL;
        ALTER TABLE knowledge_escalations ADD COLUMN handled_by TEXT NULL;
        ALTER TABLE knowledge_escalations ADD COLUMN handled_at BIGINT NULL;
        CREATE INDEX ix_knowledge_escalations_status ON knowledge_escalations (status, id);
        """;

    public static Migration[] All { get; } =
    [
        new(
            "knowledge/0001-feedback-counts-escalations",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Tables, "INTEGER PRIMARY KEY", "INTEGER"),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Tables, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "SMALLINT")),
        new("knowledge/0002-escalation-answers", Answers, Answers),
    ];
}
