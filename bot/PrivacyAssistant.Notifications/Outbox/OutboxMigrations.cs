using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Notifications.Outbox;

internal static class OutboxMigrations
{
    public static readonly Migration[] All =
    [
        new(
            "notifications/0001-outbox",
            """
            CREATE TABLE notification_outbox (
                id INTEGER PRIMARY KEY,
                channel TEXT NOT NULL,
                type TEXT NOT NULL,
                correlation TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                lease_until BIGINT NULL,
                lease_token TEXT NULL,
                delivered_at BIGINT NULL,
                receipt TEXT NULL,
                last_error TEXT NULL
            );
            CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
            """,
            """
            CREATE TABLE notification_outbox (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                channel TEXT NOT NULL,
                type TEXT NOT NULL,
                correlation TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                lease_until BIGINT NULL,
                lease_token TEXT NULL,
                delivered_at BIGINT NULL,
                receipt TEXT NULL,
                last_error TEXT NULL
            );
            CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
            """),
    ];
}
