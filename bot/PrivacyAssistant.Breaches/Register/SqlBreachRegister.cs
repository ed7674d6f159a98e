using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;

namespace PrivacyAssistant.Breaches.Register;

/// <summary>
/// The register on SQLite or PostgreSQL with the same SQL. References come from a per-year
/// counter row that is incremented inside the report's transaction: the row lock (PostgreSQL) or
/// the write lock (SQLite IMMEDIATE) serialises concurrent reports across instances, a rolled back
/// report gives its number back, and a committed number is never handed out again (the counter is
/// never purged, even when old reports are).
/// </summary>
public sealed partial class SqlBreachRegister(
    IDbConnectionFactory connections,
    INotificationOutbox outbox,
    IEnumerable<IBreachNotificationComposer> composers,
    IOptions<BreachesOptions> options,
    TimeProvider timeProvider,
    ILogger<SqlBreachRegister> logger) : IBreachRegister
{
    private const string SelectReport = "SELECT * FROM breach_reports";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SubmitResult> SubmitAsync(NewBreachReport report, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var now = timeProvider.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, options.Value.Zone()).Year;

        await using var connection = await connections.OpenAsync(cancellationToken);

        // A replay (double press, channel retry) is answered from a plain read: on SQLite a write
        // transaction takes the database's single write lock, and a burst of replays queued behind it
        // could run past the busy timeout and turn a stored report into an error for its submitter.
        if (await FindByKeyAsync(connection, null, idempotencyKey, cancellationToken) is { } replayed)
        {
            LogRepeat(logger, replayed.Reference);
            return new SubmitResult(replayed, Created: false);
        }

        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (await FindByKeyAsync(connection, tx, idempotencyKey, cancellationToken) is { } existing)
            {
                await tx.RollbackAsync(cancellationToken);
                LogRepeat(logger, existing.Reference);
                return new SubmitResult(existing, Created: false);
            }

            var number = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO breach_reference_counters (report_year, last_number) VALUES (@year, 1)
                ON CONFLICT (report_year) DO UPDATE SET last_number = breach_reference_counters.last_number + 1
                RETURNING last_number
                """,
                new { year },
                tx,
                cancellationToken: cancellationToken));
            var reference = ReferenceNumber.Format(year, number);

            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                INSERT INTO breach_reports (
                    reference, report_year, report_number, idempotency_key, kind, occurred_at, occurred_time_known,
                    discovered_at, reported_at, categories, affected_groups, affected_count, protection, measures,
                    description, reporter_id, reporter_name, updated_at)
                VALUES (
                    @reference, @year, @number, @idempotencyKey, @kind, @occurredAt, @occurredTimeKnown,
                    @discoveredAt, @now, @categories, @groups, @count, @protection, @measures,
                    @description, @reporterId, @reporterName, @now)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id
                """,
                new
                {
                    reference,
                    year,
                    number,
                    idempotencyKey,
                    kind = Codes.Of(report.Kind),
                    occurredAt = StorageTime.ToUnixMs(report.OccurredAt),
                    occurredTimeKnown = report.OccurredTimeKnown ? 1 : 0,
                    discoveredAt = StorageTime.ToUnixMs(report.DiscoveredAt),
                    now = StorageTime.ToUnixMs(now),
                    categories = Codes.Join(report.Categories),
                    groups = Codes.Join(report.Groups),
                    count = Codes.Of(report.Count),
                    protection = Codes.Of(report.Protection),
                    measures = Storable(report.Measures),
                    description = Storable(report.Description),
                    reporterId = report.Reporter.Id,
                    reporterName = Storable(report.Reporter.Name),
                },
                tx,
                cancellationToken: cancellationToken));

            if (id is null)
            {
                // A concurrent submission with the same key committed first (PostgreSQL waits for it,
                // then skips): give the number back and return that report.
                await tx.RollbackAsync(cancellationToken);
            }
            else
            {
                var stored = (await FindByIdAsync(connection, tx, id.Value, cancellationToken))!;
                await EnqueueAsync(connection, tx, BreachNotificationKind.Reported, stored, cancellationToken);
                await tx.CommitAsync(cancellationToken);
                outbox.Nudge();
                LogStored(logger, stored.Reference, Codes.Of(stored.Kind));
                return new SubmitResult(stored, Created: true);
            }
        }

        var winner = await FindByKeyAsync(connection, null, idempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException("A conflicting submission vanished.");
        LogRepeat(logger, winner.Reference);
        return new SubmitResult(winner, Created: false);
    }

    public async Task<BreachReport?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            SelectReport + " WHERE reference = @reference", new { reference }, cancellationToken: cancellationToken));
        return row?.ToReport();
    }

    public Task<IReadOnlyList<BreachReport>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(SelectReport + " WHERE closed_at IS NULL ORDER BY discovered_at, id", null, cancellationToken);

    public Task<IReadOnlyList<BreachReport>> ListByReporterAsync(string reporterId, CancellationToken cancellationToken = default) =>
        QueryAsync(SelectReport + " WHERE reporter_id = @reporterId ORDER BY reported_at DESC, id DESC", new { reporterId }, cancellationToken);

    public Task<IReadOnlyList<BreachReport>> ListAllAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(SelectReport + " ORDER BY reported_at, id", null, cancellationToken);

    public async Task<DecisionResult> RecordDecisionAsync(string reference, BreachDecision decision, Officer officer, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        // The rules are checked on the row this transaction will write: on PostgreSQL (READ
        // COMMITTED) a plain read let a decision land on a report another officer was closing, and
        // two closes both be recorded. FOR UPDATE waits for that officer's commit and then reads the
        // closed report, so the loser gets "already-closed". SQLite has no FOR UPDATE and needs none:
        // BEGIN IMMEDIATE already holds the database's write lock before the read.
        var row = await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            SelectReport + " WHERE reference = @reference" + (connections.Provider == StorageProvider.Postgres ? " FOR UPDATE" : ""),
            new { reference },
            tx,
            cancellationToken: cancellationToken));
        if (row is null)
        {
            return new DecisionResult(null, [new FieldProblem(DecisionFields.Reference, "not-found")]);
        }

        var report = row.ToReport();
        var problems = DecisionRules.Check(report, decision, now);
        if (problems.Count > 0)
        {
            return new DecisionResult(report, problems);
        }

        if (decision is DiscoveryDecision discovery)
        {
            // Stored like the report form stores it: a time a few minutes ahead (clock skew) is now.
            // The trail keeps the replaced time next to the new one.
            decision = discovery with
            {
                DiscoveredAt = discovery.DiscoveredAt < now ? discovery.DiscoveredAt : now,
                PreviousDiscoveredAt = report.DiscoveredAt,
            };
        }

        var (sql, parameters) = decision switch
        {
            ApDecision ap => (
                "UPDATE breach_reports SET ap_notified = @notified, ap_notified_at = @at, ap_reference = @apReference, ap_reason = @reason, updated_at = @now WHERE id = @id",
                (object)new
                {
                    notified = ap.Notified ? 1 : 0,
                    at = ap.Notified ? StorageTime.ToUnixMs(ap.NotifiedAt ?? now) : (long?)null,
                    apReference = ap.Notified ? Clean(ap.ApReference) : null,
                    reason = Clean(ap.Reason),
                    now = StorageTime.ToUnixMs(now),
                    id = report.Id,
                }),
            SubjectsDecision subjects => (
                "UPDATE breach_reports SET subjects_informed = @informed, subjects_reason = @reason, updated_at = @now WHERE id = @id",
                new { informed = subjects.Informed ? 1 : 0, reason = Clean(subjects.Reason), now = StorageTime.ToUnixMs(now), id = report.Id }),
            MeasuresDecision measures => (
                "UPDATE breach_reports SET consequences = COALESCE(@consequences, consequences), remedial_actions = COALESCE(@remedial, remedial_actions), updated_at = @now WHERE id = @id",
                new { consequences = Clean(measures.Consequences), remedial = Clean(measures.RemedialActions), now = StorageTime.ToUnixMs(now), id = report.Id }),
            // The deadline is derived from discovered_at, so the register, the export and the cards
            // follow. flagged_at is left alone: an open report not yet warned is picked up by the
            // next overdue check if the new time is past the warning point; one already warned is
            // not warned twice (the officer correcting it is looking at it).
            DiscoveryDecision corrected => (
                "UPDATE breach_reports SET discovered_at = @at, updated_at = @now WHERE id = @id",
                new { at = StorageTime.ToUnixMs(corrected.DiscoveredAt), now = StorageTime.ToUnixMs(now), id = report.Id }),
            CloseDecision => (
                "UPDATE breach_reports SET closed_at = @now, updated_at = @now WHERE id = @id",
                new { now = StorageTime.ToUnixMs(now), id = report.Id }),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.GetType().Name, null),
        };

        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO breach_decisions (report_id, decided_at, officer_id, officer_name, decision, details) VALUES (@id, @now, @officerId, @officerName, @code, @details)",
            new
            {
                id = report.Id,
                now = StorageTime.ToUnixMs(now),
                officerId = officer.Id,
                officerName = Storable(officer.Name),
                code = decision.Code,
                details = JsonSerializer.Serialize(decision, decision.GetType(), Json),
            },
            tx,
            cancellationToken: cancellationToken));
        var updated = (await FindByIdAsync(connection, tx, report.Id, cancellationToken))!;
        await tx.CommitAsync(cancellationToken);
        LogDecision(logger, decision.Code, updated.Reference);
        return new DecisionResult(updated, []);
    }

    public async Task<IReadOnlyList<DecisionEntry>> ListDecisionsAsync(string reference, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(
            """
            SELECT d.decided_at, d.officer_id, d.officer_name, d.decision, d.details
            FROM breach_decisions d JOIN breach_reports r ON r.id = d.report_id
            WHERE r.reference = @reference ORDER BY d.id
            """,
            new { reference },
            cancellationToken: cancellationToken));
        return rows.Select(row => new DecisionEntry(StorageTime.FromUnixMs(row.decided_at), new Officer(row.officer_id, row.officer_name), row.decision, row.details)).ToList();
    }

    public async Task<IReadOnlyList<BreachReport>> FlagOverdueAsync(int warningHours, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var cutoff = StorageTime.ToUnixMs(now - TimeSpan.FromHours(warningHours));
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            UPDATE breach_reports SET flagged_at = @now
            WHERE closed_at IS NULL AND ap_notified IS NULL AND flagged_at IS NULL AND discovered_at <= @cutoff
            RETURNING id
            """,
            new { now = StorageTime.ToUnixMs(now), cutoff },
            tx,
            cancellationToken: cancellationToken))).ToList();
        var flagged = new List<BreachReport>();
        foreach (var id in ids.Order())
        {
            var report = (await FindByIdAsync(connection, tx, id, cancellationToken))!;
            await EnqueueAsync(connection, tx, BreachNotificationKind.DecisionOverdue, report, cancellationToken);
            flagged.Add(report);
        }

        await tx.CommitAsync(cancellationToken);
        if (flagged.Count > 0)
        {
            outbox.Nudge();
            foreach (var report in flagged)
            {
                LogFlagged(logger, report.Reference);
            }
        }

        return flagged;
    }

    private async Task EnqueueAsync(DbConnection connection, DbTransaction tx, BreachNotificationKind kind, BreachReport report, CancellationToken cancellationToken)
    {
        foreach (var composer in composers.Where(composer => outbox.HasChannel(composer.Channel)))
        {
            foreach (var message in composer.Compose(kind, report))
            {
                await outbox.EnqueueAsync(connection, tx, message, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<BreachReport>> QueryAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReportRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToReport()).ToList();
    }

    private static async Task<BreachReport?> FindByKeyAsync(DbConnection connection, DbTransaction? tx, string key, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            SelectReport + " WHERE idempotency_key = @key", new { key }, tx, cancellationToken: cancellationToken)))?.ToReport();

    private static async Task<BreachReport?> FindByIdAsync(DbConnection connection, DbTransaction tx, long id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            SelectReport + " WHERE id = @id", new { id }, tx, cancellationToken: cancellationToken)))?.ToReport();

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : Storable(value).Trim();

    /// <summary>Text without U+0000, which PostgreSQL refuses in text columns (SQLite keeps it): a stray NUL must not cost a report.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Storable(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Breach report {Reference} stored ({Kind})")]
    private static partial void LogStored(ILogger logger, string reference, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated submission of breach report {Reference}; returning the stored report")]
    private static partial void LogRepeat(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision {Decision} recorded on {Reference}")]
    private static partial void LogDecision(ILogger logger, string decision, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach report {Reference} has no AP decision near its deadline; officers alerted")]
    private static partial void LogFlagged(ILogger logger, string reference);

#pragma warning disable IDE1006 // Dapper maps the snake_case columns onto these names.
    private sealed class ReportRow
    {
        public long id { get; set; }
        public string reference { get; set; } = "";
        public string kind { get; set; } = "";
        public long occurred_at { get; set; }
        public long occurred_time_known { get; set; }
        public long discovered_at { get; set; }
        public long reported_at { get; set; }
        public string categories { get; set; } = "";
        public string affected_groups { get; set; } = "";
        public string affected_count { get; set; } = "";
        public string protection { get; set; } = "";
        public string? measures { get; set; }
        public string description { get; set; } = "";
        public string reporter_id { get; set; } = "";
        public string reporter_name { get; set; } = "";
        public string? consequences { get; set; }
        public string? remedial_actions { get; set; }
        public long? ap_notified { get; set; }
        public long? ap_notified_at { get; set; }
        public string? ap_reference { get; set; }
        public string? ap_reason { get; set; }
        public long? subjects_informed { get; set; }
        public string? subjects_reason { get; set; }
        public long? closed_at { get; set; }
        public long? flagged_at { get; set; }

        public BreachReport ToReport() => new()
        {
            Id = id,
            Reference = reference,
            Kind = Codes.Parse<BreachKind>(kind),
            OccurredAt = StorageTime.FromUnixMs(occurred_at),
            OccurredTimeKnown = occurred_time_known != 0,
            DiscoveredAt = StorageTime.FromUnixMs(discovered_at),
            ReportedAt = StorageTime.FromUnixMs(reported_at),
            Categories = Codes.SplitStored<DataCategory>(categories),
            Groups = Codes.SplitStored<AffectedGroup>(affected_groups),
            Count = Codes.Parse<AffectedCount>(affected_count),
            Protection = Codes.Parse<Protection>(protection),
            Measures = measures,
            Description = description,
            Reporter = new Reporter(reporter_id, reporter_name),
            Consequences = consequences,
            RemedialActions = remedial_actions,
            ApNotified = ap_notified is null ? null : ap_notified != 0,
            ApNotifiedAt = StorageTime.FromUnixMs(ap_notified_at),
            ApReference = ap_reference,
            ApReason = ap_reason,
            SubjectsInformed = subjects_informed is null ? null : subjects_informed != 0,
            SubjectsReason = subjects_reason,
            ClosedAt = StorageTime.FromUnixMs(closed_at),
            FlaggedAt = StorageTime.FromUnixMs(flagged_at),
        };
    }

    private sealed class DecisionRow
    {
        public long decided_at { get; set; }
        public string officer_id { get; set; } = "";
        public string officer_name { get; set; } = "";
        public string decision { get; set; } = "";
        public string details { get; set; } = "";
    }
#pragma warning restore IDE1006
}
