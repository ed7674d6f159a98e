using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Breaches.Register;

internal static class BreachMigrations
{
    private const string ReportColumns = """
                reference TEXT NOT NULL UNIQUE,
                report_year INTEGER NOT NULL,
                report_number INTEGER NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                occurred_at BIGINT NOT NULL,
                occurred_time_known INTEGER NOT NULL,
                discovered_at BIGINT NOT NULL,
                reported_at BIGINT NOT NULL,
                categories TEXT NOT NULL,
                affected_groups TEXT NOT NULL,
                affected_count TEXT NOT NULL,
                protection TEXT NOT NULL,
                measures TEXT NULL,
                description TEXT NOT NULL,
                reporter_id TEXT NOT NULL,
                reporter_name TEXT NOT NULL,
                consequences TEXT NULL,
                remedial_actions TEXT NULL,
                ap_notified INTEGER NULL,
                ap_notified_at BIGINT NULL,
                ap_reference TEXT NULL,
                ap_reason TEXT NULL,
                subjects_informed INTEGER NULL,
                subjects_reason TEXT NULL,
                closed_at BIGINT NULL,
                flagged_at BIGINT NULL,
                updated_at BIGINT NOT NULL
        """;

    private const string Indexes = """
        CREATE INDEX ix_breach_reports_open ON breach_reports (closed_at, discovered_at);
        CREATE INDEX ix_breach_reports_reporter ON breach_reports (reporter_id);
        CREATE INDEX ix_breach_decisions_report ON breach_decisions (report_id);
        """;

    public static readonly Migration[] All =
    [
        new(
            "breaches/0001-register",
            $"""
            CREATE TABLE breach_reference_counters (report_year INTEGER NOT NULL PRIMARY KEY, last_number INTEGER NOT NULL);
            CREATE TABLE breach_reports (
                id INTEGER PRIMARY KEY,
            {ReportColumns}
            );
            CREATE TABLE breach_decisions (
                id INTEGER PRIMARY KEY,
                report_id INTEGER NOT NULL REFERENCES breach_reports (id) ON DELETE CASCADE,
                decided_at BIGINT NOT NULL,
                officer_id TEXT NOT NULL,
                officer_name TEXT NOT NULL,
                decision TEXT NOT NULL,
                details TEXT NOT NULL
            );
            {Indexes}
            """,
            $"""
            CREATE TABLE breach_reference_counters (report_year INTEGER NOT NULL PRIMARY KEY, last_number INTEGER NOT NULL);
            CREATE TABLE breach_reports (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            {ReportColumns}
            );
            CREATE TABLE breach_decisions (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                report_id BIGINT NOT NULL REFERENCES breach_reports (id) ON DELETE CASCADE,
                decided_at BIGINT NOT NULL,
                officer_id TEXT NOT NULL,
                officer_name TEXT NOT NULL,
                decision TEXT NOT NULL,
                details TEXT NOT NULL
            );
            {Indexes}
            """),
    ];
}
