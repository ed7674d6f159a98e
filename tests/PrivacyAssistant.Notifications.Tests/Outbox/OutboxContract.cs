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

    [StorageFact]
    public async Task Dispatch_PermanentFailure_IsAbandonedAtOnce_AndTheHandlersRunInTheAbandoningTransaction()
    {
        await EnqueueCommittedAsync(new OutboxMessage("scripted", "knowledge.answered", "VR-2026-0001", "{}"));
        var channel = new ScriptedChannel(DeliveryOutcome.GiveUp("teams-reply-403-MessageWritesBlocked"));
        var handler = new RecordingAbandonedHandler();

        await DispatcherWith(channel, handler).DispatchDueAsync();

        var row = Assert.Single(await Dispatcher.ListAsync());
        Assert.Equal((OutboxStatus.Abandoned, 1, "teams-reply-403-MessageWritesBlocked"), (row.Status, row.Attempts, row.LastError));
        var seen = Assert.Single(handler.Seen);
        Assert.Equal(new AbandonedMessage(row.Id, "scripted", "knowledge.answered", "VR-2026-0001", "teams-reply-403-MessageWritesBlocked"), seen.Message);
        Assert.Equal(OutboxStatus.Abandoned, seen.StatusInsideTransaction);
    }

    [StorageFact]
    public async Task Dispatch_RetriesDoNotCallTheHandlers_OnlyTheFinalGiveUpDoes()
    {
        await EnqueueCommittedAsync(new OutboxMessage("scripted", "knowledge.answered", "VR-2026-0002", "{}"));
        var channel = new ScriptedChannel(DeliveryOutcome.Retry("teams-reply-500-error"));
        var handler = new RecordingAbandonedHandler();
        var dispatcher = DispatcherWith(channel, handler);

        await dispatcher.DispatchDueAsync();
        clock.Advance(TimeSpan.FromHours(12));
        await dispatcher.DispatchDueAsync();
        Assert.Empty(handler.Seen);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await Dispatcher.ListAsync()).Status);

        clock.Advance(TimeSpan.FromHours(13));
        await dispatcher.DispatchDueAsync();

        Assert.Equal(OutboxStatus.Abandoned, Assert.Single(await Dispatcher.ListAsync()).Status);
        Assert.Equal("VR-2026-0002", Assert.Single(handler.Seen).Message.Correlation);
    }

    [StorageFact]
    public async Task Dispatch_WhenAHandlerFails_TheRowIsNotAbandoned_AndIsGivenUpAgainAfterItsLease()
    {
        await EnqueueCommittedAsync(new OutboxMessage("scripted", "knowledge.answered", "VR-2026-0003", "{}"));
        var channel = new ScriptedChannel(DeliveryOutcome.GiveUp("teams-reply-404-ConversationNotFound"));
        var handler = new RecordingAbandonedHandler { FailuresLeft = 1 };
        var dispatcher = DispatcherWith(channel, handler);

        await dispatcher.DispatchDueAsync();
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await Dispatcher.ListAsync()).Status);
        Assert.Empty(handler.Seen);

        clock.Advance(TimeSpan.FromMinutes(3));
        await dispatcher.DispatchDueAsync();

        var row = Assert.Single(await Dispatcher.ListAsync());
        Assert.Equal((OutboxStatus.Abandoned, 2), (row.Status, row.Attempts));
        Assert.Single(handler.Seen);
    }

    private OutboxDispatcher DispatcherWith(INotificationChannel channel, IOutboxAbandonedHandler handler) => new(
        database.NewFactory(), [channel], host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationsOptions>>(),
        clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDispatcher>.Instance, [handler]);

    private sealed class ScriptedChannel(DeliveryOutcome outcome) : INotificationChannel
    {
        public string Name => "scripted";

        public bool IsEnabled => true;

        public Task<DeliveryOutcome> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken) => Task.FromResult(outcome);
    }

    /// <summary>Records what was abandoned and the row's status as seen inside the handler's transaction.</summary>
    private sealed class RecordingAbandonedHandler : IOutboxAbandonedHandler
    {
        public List<(AbandonedMessage Message, string StatusInsideTransaction)> Seen { get; } = [];

        public int FailuresLeft { get; set; }

        public async Task OnAbandonedAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, AbandonedMessage message, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("handler failed");
            }

            var status = await connection.QuerySingleAsync<string>("SELECT status FROM notification_outbox WHERE id = @id", new { id = message.Id }, transaction);
            Seen.Add((message, status));
        }
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
