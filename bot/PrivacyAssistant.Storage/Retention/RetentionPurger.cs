using Dapper;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Storage.Retention;

/// <summary>Deletes what the registered <see cref="RetentionRule"/>s say has expired.</summary>
public sealed partial class RetentionPurger(
    IDbConnectionFactory connections,
    IEnumerable<RetentionRule> rules,
    TimeProvider timeProvider,
    ILogger<RetentionPurger> logger)
{
    public IReadOnlyList<RetentionRule> Rules { get; } = Validated(rules);

    /// <summary>Runs every rule once; returns the number of rows deleted per table.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var rule in Rules)
        {
            var sql = $"DELETE FROM {rule.Table} WHERE {rule.TimestampColumn} < @cutoff"
                + (rule.Condition is null ? string.Empty : $" AND ({rule.Condition})");
            var count = await connection.ExecuteAsync(new CommandDefinition(
                sql, new { cutoff = StorageTime.ToUnixMs(now - rule.MaxAge) }, cancellationToken: cancellationToken));
            deleted[rule.Table] = deleted.GetValueOrDefault(rule.Table) + count;
            if (count > 0)
            {
                LogPurged(logger, count, rule.Table);
            }
        }

        return deleted;
    }

    private static List<RetentionRule> Validated(IEnumerable<RetentionRule> rules)
    {
        var list = rules.ToList();
        list.ForEach(rule => rule.Validate());
        return list;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Count} rows from {Table}")]
    private static partial void LogPurged(ILogger logger, int count, string table);
}
