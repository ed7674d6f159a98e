using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Storage.Retention;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Notifications.Tests.Outbox;

/// <summary>Outbox semantics on both providers, with a recording channel and a fake clock.</summary>
public abstract class OutboxContract(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z"));
    private TestDatabase database = null!;
    private FakeGraphServer graph = null!;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        graph = await FakeGraphServer.StartAsync();
        host = NotificationsTestHost.Build(database, graph, new FakeTokenCredential(), new Dictionary<string, string?>
        {
            ["Notifications:Outbox:DispatcherEnabled"] = "false",
            ["Notifications:Outbox:InitialDelay"] = "00:00:10",
            ["Notifications:Outbox:MaxDelay"] = "00:10:00",
            ["Notifications:Outbox:GiveUpAfter"] = "1.00:00:00",
        }, clock);
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await graph.DisposeAsync();
        await database.DisposeAsync();
    }

    private IDbConnectionFactory Connections => host.Services.GetRequiredService<IDbConnectionFactory>();

    private INotificationOutbox Outbox => host.Services.GetRequiredService<INotificationOutbox>();

    private OutboxDispatcher Dispatcher => host.Services.GetRequiredService<OutboxDispatcher>();

    [StorageFact]
    public async Task Enqueue_InRolledBackTransaction_LeavesNothingToDeliver()
    {
        await using (var connection = await Connections.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Outbox.EnqueueAsync(connection, tx, Mail("DL-2026-0001"));
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await Dispatcher.DispatchDueAsync());
        Assert.Empty(graph.SentMail);
    }

    [StorageFact]
    public async Task Dispatch_CommittedMessage_DeliversOnceAndRecordsIt()
    {
        await EnqueueCommittedAsync(Mail("DL-2026-0002"));

        Assert.Equal(1, await Dispatcher.DispatchDueAsync());
        Assert.Equal(0, await Dispatcher.DispatchDueAsync());

        Assert.Single(graph.SentMail);
        var entry = Assert.Single(await Dispatcher.ListAsync());
        Assert.Equal(OutboxStatus.Delivered, entry.Status);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(clock.GetUtcNow(), entry.DeliveredAt);
    }

    [StorageFact]
    public async Task Dispatch_WhenGraphFails_ReschedulesWithBackoffAndDeliversWhenDue()
    {
        // More failures than the SDK's own retries absorb, so the outbox must reschedule.
        graph.FailNext(20, System.Net.HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 0);
        await EnqueueCommittedAsync(Mail("DL-2026-0003"));

        await Dispatcher.DispatchDueAsync();
        var failed = Assert.Single(await Dispatcher.ListAsync());
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.StartsWith("graph-503", failed.LastError);
        Assert.True(failed.NextAttemptAt >= clock.GetUtcNow().AddSeconds(8), "first retry waits the initial delay");
        Assert.Equal(0, await Dispatcher.DispatchDueAsync());

        while (graph.RequestCount < 20)
        {
            clock.Advance(TimeSpan.FromMinutes(11));
            await Dispatcher.DispatchDueAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(11));
        await Dispatcher.DispatchDueAsync();

        var delivered = Assert.Single(await Dispatcher.ListAsync());
        Assert.Equal(OutboxStatus.Delivered, delivered.Status);
        Assert.Single(graph.SentMail);
    }

    [StorageFact]
    public async Task Dispatch_UndeliverableAfterGiveUpTime_IsAbandonedNotRetriedForever()
    {
        graph.FailNext(1000, System.Net.HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 0);
        await EnqueueCommittedAsync(Mail("DL-2026-0004"));
        await Dispatcher.DispatchDueAsync();

        clock.Advance(TimeSpan.FromDays(2));
        await Dispatcher.DispatchDueAsync();

        Assert.Equal(OutboxStatus.Abandoned, Assert.Single(await Dispatcher.ListAsync()).Status);
    }

    [StorageFact]
    public async Task Dispatch_SeveralInstancesAtOnce_DeliverEachMessageExactlyOnce()
    {
        for (var i = 1; i <= 12; i++)
        {
            await EnqueueCommittedAsync(Mail($"DL-2026-{i:0000}"));
        }

        var channel = new CountingChannel();
        var dispatchers = Enumerable.Range(0, 3).Select(_ => new OutboxDispatcher(
            database.NewFactory(), [channel], host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationsOptions>>(),
            clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDispatcher>.Instance)).ToList();

        await Task.WhenAll(dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            while (await dispatcher.DispatchDueAsync() > 0)
            {
            }
        })));

        Assert.Equal(12, channel.Delivered.Count);
        Assert.Equal(12, channel.Delivered.Distinct().Count());
    }

    [StorageFact]
    public async Task Retention_RemovesOldDeliveredRowsButKeepsPendingOnes()
    {
        await EnqueueCommittedAsync(Mail("DL-2026-0005"));
        await Dispatcher.DispatchDueAsync();
        graph.FailNext(1000, System.Net.HttpStatusCode.ServiceUnavailable, retryAfterSeconds: 0);
        await EnqueueCommittedAsync(Mail("DL-2026-0006"));

        clock.Advance(TimeSpan.FromDays(31));
        await host.Services.GetRequiredService<RetentionPurger>().PurgeAsync();

        var left = Assert.Single(await Dispatcher.ListAsync());
        Assert.Equal("DL-2026-0006", left.Correlation);
    }

    private static OutboxMessage Mail(string reference) =>
        new("mail", "breach.reported", reference, new PrivacyAssistant.Notifications.Mail.MailContent($"Datalek {reference}", "<p>test</p>").ToPayload());

    private async Task EnqueueCommittedAsync(OutboxMessage message)
    {
        await using var connection = await Connections.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Outbox.EnqueueAsync(connection, tx, message);
        await tx.CommitAsync();
    }

    private sealed class CountingChannel : INotificationChannel
    {
        public ConcurrentBag<string> Delivered { get; } = [];

        public string Name => "mail";

        public bool IsEnabled => true;

        public async Task<DeliveryOutcome> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Delivered.Add(delivery.Correlation);
            return DeliveryOutcome.Success();
        }
    }
}

public sealed class SqliteOutboxTests() : OutboxContract(StorageProvider.Sqlite);

[UsesPostgres]
public sealed class PostgresOutboxTests() : OutboxContract(StorageProvider.Postgres);
