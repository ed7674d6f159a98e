using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Storage;

namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>
/// Claims due outbox rows (a lease, so several instances never work on the same row at once and
/// a crashed instance's claim expires), hands them to their channel, and records the result.
/// Success is written together with the receipt before the row counts as done; a failure only
/// reschedules. Delivery is therefore at least once; duplicates are limited to a crash between a
/// channel's success and that write, and carry the row id for recognition. A row is abandoned when
/// it is still undelivered after <see cref="OutboxOptions.GiveUpAfter"/>, or at once when its channel
/// reports a permanent failure; <see cref="IOutboxAbandonedHandler"/>s run in that same transaction.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbConnectionFactory connections,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger,
    IEnumerable<IOutboxAbandonedHandler>? abandonedHandlers = null)
{
    private readonly IOutboxAbandonedHandler[] onAbandoned = abandonedHandlers?.ToArray() ?? [];

    private readonly Dictionary<string, INotificationChannel> byName = channels.ToDictionary(channel => channel.Name, StringComparer.Ordinal);

    /// <summary>Delivers what is due now; returns how many rows were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        var outbox = options.Value.Outbox;
        var token = Guid.NewGuid().ToString("N");
        var claimed = await ClaimAsync(outbox, token, cancellationToken);
        foreach (var delivery in claimed)
        {
            await DeliverAsync(delivery, token, outbox, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>The rows of the outbox, newest first (status and tests).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            "SELECT id, channel, type, correlation, status, attempts, created_at, next_attempt_at, delivered_at, receipt, last_error FROM notification_outbox ORDER BY id DESC",
            cancellationToken: cancellationToken));
        return rows.Select(row => new OutboxEntry(
            row.id, row.channel, row.type, row.correlation, row.status, row.attempts,
            StorageTime.FromUnixMs(row.created_at), StorageTime.FromUnixMs(row.next_attempt_at),
            StorageTime.FromUnixMs(row.delivered_at), row.receipt, row.last_error)).ToList();
    }

    private async Task<List<OutboxDelivery>> ClaimAsync(OutboxOptions outbox, string token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var skipLocked = connections.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $"""
            UPDATE notification_outbox
            SET lease_until = @leaseUntil, lease_token = @token, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM notification_outbox
                WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY next_attempt_at, id
                LIMIT @batch
                {skipLocked})
            RETURNING id, channel, type, correlation, payload, attempts, created_at
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            sql,
            new
            {
                leaseUntil = StorageTime.ToUnixMs(now + outbox.Lease),
                token,
                now = StorageTime.ToUnixMs(now),
                batch = outbox.BatchSize,
            },
            tx,
            cancellationToken: cancellationToken))).ToList();
        await tx.CommitAsync(cancellationToken);
        return rows
            .OrderBy(row => row.id)
            .Select(row => new OutboxDelivery(row.id, row.channel, row.type, row.correlation, row.payload, row.attempts, StorageTime.FromUnixMs(row.created_at)))
            .ToList();
    }

    private async Task DeliverAsync(OutboxDelivery delivery, string token, OutboxOptions outbox, CancellationToken cancellationToken)
    {
        DeliveryOutcome outcome;
        if (!byName.TryGetValue(delivery.Channel, out var channel))
        {
            // The channel may be configured again later (e.g. after a settings fix): keep the message.
            outcome = DeliveryOutcome.Retry("channel-not-configured");
        }
        else
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(outbox.AttemptTimeout);
            try
            {
                outcome = await channel.DeliverAsync(delivery, attempt.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the lease expires and another run picks the message up.
                return;
            }
            catch (Exception exception)
            {
                outcome = DeliveryOutcome.Retry(exception.GetType().Name);
            }
        }

        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var now = timeProvider.GetUtcNow();
        if (outcome.Delivered)
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE notification_outbox
                SET status = 'delivered', delivered_at = @now, receipt = @receipt, lease_until = NULL, lease_token = NULL, last_error = NULL
                WHERE id = @id AND lease_token = @token
                """,
                new { now = StorageTime.ToUnixMs(now), receipt = outcome.Receipt, id = delivery.Id, token }));
            if (updated == 0)
            {
                LogLeaseLost(logger, delivery.Id, delivery.Channel);
            }

            LogDelivered(logger, delivery.Id, delivery.Channel, delivery.Type, delivery.Correlation, delivery.Attempt);
            return;
        }

        var errorCode = Truncate(outcome.ErrorCode ?? "unknown", 200);
        if (outcome.Permanent || now - delivery.CreatedAt > outbox.GiveUpAfter)
        {
            await AbandonAsync(connection, delivery, token, errorCode);
            return;
        }

        var delay = OutboxBackoff.Delay(delivery.Attempt, outbox, outcome.RetryAfter, Random.Shared.NextDouble());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_outbox
            SET next_attempt_at = @next, lease_until = NULL, lease_token = NULL, last_error = @errorCode
            WHERE id = @id AND lease_token = @token
            """,
            new { next = StorageTime.ToUnixMs(now + delay), errorCode, id = delivery.Id, token }));
        LogRetrying(logger, delivery.Id, delivery.Channel, delivery.Correlation, delivery.Attempt, errorCode, delay);
    }

    /// <summary>Marks the row abandoned and lets the handlers react, all or nothing.</summary>
    private async Task AbandonAsync(DbConnection connection, OutboxDelivery delivery, string token, string errorCode)
    {
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_outbox SET status = 'abandoned', lease_until = NULL, lease_token = NULL, last_error = @errorCode WHERE id = @id AND lease_token = @token",
            new { errorCode, id = delivery.Id, token },
            transaction));
        if (updated == 0)
        {
            // Another instance took the row over after our lease expired; it decides what happens.
            LogAbandonLeaseLost(logger, delivery.Id, delivery.Channel);
            return;
        }

        var abandoned = new AbandonedMessage(delivery.Id, delivery.Channel, delivery.Type, delivery.Correlation, errorCode);
        try
        {
            foreach (var handler in onAbandoned)
            {
                await handler.OnAbandonedAsync(connection, transaction, abandoned, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            // Rolled back: the row stays pending under its lease and is abandoned again when the lease expires.
            await transaction.RollbackAsync(CancellationToken.None);
            LogAbandonHandlerFailed(logger, delivery.Id, delivery.Channel, delivery.Correlation, exception.GetType().Name);
            return;
        }

        await transaction.CommitAsync(CancellationToken.None);
        LogAbandoned(logger, delivery.Id, delivery.Channel, delivery.Correlation, delivery.Attempt, errorCode);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxId} delivered via {Channel} ({Type} {Correlation}, attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, long outboxId, string channel, string type, string correlation, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} via {Channel} ({Correlation}) failed on attempt {Attempt} with {ErrorCode}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, long outboxId, string channel, string correlation, int attempt, string errorCode, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {OutboxId} via {Channel} ({Correlation}) abandoned after {Attempt} attempts; last error {ErrorCode}")]
    private static partial void LogAbandoned(ILogger logger, long outboxId, string channel, string correlation, int attempt, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} via {Channel} ({Correlation}) could not be abandoned: a handler failed with {ErrorType}; trying again after the lease")]
    private static partial void LogAbandonHandlerFailed(ILogger logger, long outboxId, string channel, string correlation, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} via {Channel} was taken over by another instance before it could be abandoned")]
    private static partial void LogAbandonLeaseLost(ILogger logger, long outboxId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxId} via {Channel} was delivered after its lease expired; another instance may deliver it again")]
    private static partial void LogLeaseLost(ILogger logger, long outboxId, string channel);

#pragma warning disable IDE1006, SA1300 // Dapper maps the snake_case columns onto these names.
    private sealed class ClaimRow
    {
        public long id { get; set; }
        public string channel { get; set; } = "";
        public string type { get; set; } = "";
        public string correlation { get; set; } = "";
        public string payload { get; set; } = "";
        public int attempts { get; set; }
        public long created_at { get; set; }
    }

    private sealed class OutboxRow
    {
        public long id { get; set; }
        public string channel { get; set; } = "";
        public string type { get; set; } = "";
        public string correlation { get; set; } = "";
        public string status { get; set; } = "";
        public int attempts { get; set; }
        public long created_at { get; set; }
        public long next_attempt_at { get; set; }
        public long? delivered_at { get; set; }
        public string? receipt { get; set; }
        public string? last_error { get; set; }
    }
#pragma warning restore IDE1006, SA1300
}
