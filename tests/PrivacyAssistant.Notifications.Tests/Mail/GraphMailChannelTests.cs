using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Notifications.Tests.Mail;

/// <summary>The real Microsoft Graph SDK against the fake Graph on 127.0.0.1, driven by the real outbox dispatcher.</summary>
public sealed class GraphMailChannelTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TestDatabase database = null!;
    private FakeGraphServer graph = null!;
    private readonly FakeTokenCredential credential = new();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        graph = await FakeGraphServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await graph.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Deliver_SendsMailFromConfiguredMailboxWithAppOnlyTokenAndExpectedBody()
    {
        using var host = NotificationsTestHost.Build(database, graph, credential);
        await host.StartAsync();

        await EnqueueAsync(host, new MailContent("Nieuw datalek DL-2026-0007", "<p>Meldnummer <b>DL-2026-0007</b></p>"));
        await WaitUntil(() => graph.SentMail.Count == 1);

        var mail = Assert.Single(graph.SentMail);
        Assert.Equal("privacy-bot@school.example", mail.Mailbox);
        Assert.Equal("Nieuw datalek DL-2026-0007", mail.Subject);
        Assert.Equal("<p>Meldnummer <b>DL-2026-0007</b></p>", mail.HtmlContent);
        Assert.Equal("html", mail.ContentKind, ignoreCase: true);
        Assert.Equal(["privacy@school.example"], mail.To);
        Assert.True(mail.SaveToSentItems);
        Assert.StartsWith("application/json", mail.ContentType);
        Assert.NotNull(mail.Header(GraphMailChannel.NotificationHeader));
        Assert.Contains(credential.RequestedScopes, scopes => scopes.SequenceEqual(["https://graph.microsoft.com/.default"]));
        await WaitUntil(async () => (await Dispatcher(host).ListAsync()).Single().Status == OutboxStatus.Delivered);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Deliver_WhenGraphThrottlesForAWhile_DeliversAfterRetries(HttpStatusCode status)
    {
        // Beyond the SDK's own three retries: the outbox has to come back later.
        graph.FailNext(9, status, retryAfterSeconds: 0);
        using var host = NotificationsTestHost.Build(database, graph, credential);
        await host.StartAsync();

        await EnqueueAsync(host, new MailContent("Nieuw datalek DL-2026-0008", "<p>x</p>"));
        await WaitUntil(() => graph.SentMail.Count == 1);
        await WaitUntil(async () => (await Dispatcher(host).ListAsync()).Single().Status == OutboxStatus.Delivered);

        var entry = Assert.Single(await Dispatcher(host).ListAsync());
        Assert.True(entry.Attempts >= 2, $"expected outbox retries, saw {entry.Attempts} attempt(s)");
        Assert.Equal(10, graph.RequestCount);
        Assert.Single(graph.SentMail);
        await host.StopAsync();
    }

    [Fact]
    public async Task Deliver_WhenTheProcessStopsMidDelivery_IsDeliveredExactlyOnceAfterRestart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Outbox:Lease"] = "00:00:01",
            ["Notifications:Outbox:AttemptTimeout"] = "00:00:00.900",
        };

        graph.Hold();
        var first = NotificationsTestHost.Build(database, graph, credential, settings);
        await first.StartAsync();
        await EnqueueAsync(first, new MailContent("Nieuw datalek DL-2026-0009", "<p>x</p>"));
        await WaitUntil(() => graph.RequestCount >= 1);

        // The first instance goes away while Graph has not answered; Graph sees the connection drop.
        await first.StopAsync();
        first.Dispose();
        await WaitUntil(() => graph.AbortedCount >= 1);
        graph.Release();
        Assert.Empty(graph.SentMail);

        using var second = NotificationsTestHost.Build(database, graph, credential, settings);
        await second.StartAsync();
        await WaitUntil(async () => (await Dispatcher(second).ListAsync()).Single().Status == OutboxStatus.Delivered);

        Assert.Single(graph.SentMail);
        Assert.Equal("Nieuw datalek DL-2026-0009", graph.SentMail[0].Subject);
        await second.StopAsync();
    }

    private static OutboxDispatcher Dispatcher(IHost host) => host.Services.GetRequiredService<OutboxDispatcher>();

    private static async Task EnqueueAsync(IHost host, MailContent content)
    {
        var outbox = host.Services.GetRequiredService<INotificationOutbox>();
        await using var connection = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await outbox.EnqueueAsync(connection, tx, new OutboxMessage(GraphMailChannel.ChannelName, "breach.reported", "DL-test", content.ToPayload()));
        await tx.CommitAsync();
        outbox.Nudge();
    }

    private static Task WaitUntil(Func<bool> condition) => WaitUntil(() => Task.FromResult(condition()));

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            await Task.Delay(25, timeout.Token);
        }
    }
}
