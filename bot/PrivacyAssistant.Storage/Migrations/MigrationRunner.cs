using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Storage.Migrations;

/// <summary>
/// Applies pending migrations in order and records them in <c>schema_migrations</c>. Safe when
/// several instances start at once: PostgreSQL serialises runners with an advisory lock; SQLite
/// applies each migration inside a write (IMMEDIATE) transaction that re-checks the record.
/// </summary>
public sealed partial class MigrationRunner(
    IDbConnectionFactory connections,
    IEnumerable<MigrationSet> sets,
    TimeProvider timeProvider,
    ILogger<MigrationRunner> logger)
{
    // Arbitrary but fixed: every instance of this product must agree on it.
    internal const long AdvisoryLockKey = 0x5052_4956_4D49_47; // "PRIVMIG"

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id TEXT NOT NULL PRIMARY KEY,
            feature TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        );
        """;

    /// <summary>Applies what is missing; returns the ids applied by this call.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var ordered = Order(sets);
        var applied = new List<string>();

        await using var connection = await connections.OpenAsync(cancellationToken);
        var postgres = connections.Provider == StorageProvider.Postgres;
        if (postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        }

        try
        {
            await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(CreateTableSql, transaction: tx, cancellationToken: cancellationToken));
                await tx.CommitAsync(cancellationToken);
            }

            foreach (var (feature, migration) in ordered)
            {
                if (await ApplyOneAsync(connection, feature, migration, cancellationToken))
                {
                    applied.Add(migration.Id);
                    LogApplied(logger, migration.Id);
                }
            }
        }
        finally
        {
            if (postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
            }
        }

        LogDone(logger, applied.Count, ordered.Count);
        return applied;
    }

    private async Task<bool> ApplyOneAsync(DbConnection connection, string feature, Migration migration, CancellationToken cancellationToken)
    {
        var sql = migration.SqlFor(connections.Provider);
        var checksum = Checksum(sql);

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var recorded = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT checksum FROM schema_migrations WHERE id = @id", new { id = migration.Id }, tx, cancellationToken: cancellationToken));
        if (recorded is not null)
        {
            if (!string.Equals(recorded, checksum, StringComparison.Ordinal))
            {
                // Editing a shipped migration never re-runs it; say so loudly instead of silently diverging.
                LogChecksumMismatch(logger, migration.Id);
            }

            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (id, feature, checksum, applied_at) VALUES (@id, @feature, @checksum, @appliedAt)",
            new { id = migration.Id, feature, checksum, appliedAt = StorageTime.ToUnixMs(timeProvider.GetUtcNow()) },
            tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    internal static IReadOnlyList<(string Feature, Migration Migration)> Order(IEnumerable<MigrationSet> sets)
    {
        var ordered = new List<(string, Migration)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            foreach (var migration in set.Migrations)
            {
                if (string.IsNullOrWhiteSpace(migration.Id))
                {
                    throw new InvalidOperationException($"A migration of feature '{set.Feature}' has no id.");
                }

                if (!seen.Add(migration.Id))
                {
                    throw new InvalidOperationException($"Migration id '{migration.Id}' is registered twice.");
                }

                ordered.Add((set.Feature, migration));
            }
        }

        return ordered;
    }

    private static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n").Trim())));

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {MigrationId}")]
    private static partial void LogApplied(ILogger logger, string migrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date: {Applied} applied now, {Known} known")]
    private static partial void LogDone(ILogger logger, int applied, int known);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} was changed after it was applied; the change is not applied. Add a new migration instead.")]
    private static partial void LogChecksumMismatch(ILogger logger, string migrationId);
}
