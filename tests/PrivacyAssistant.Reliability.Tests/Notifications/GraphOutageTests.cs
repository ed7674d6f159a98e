using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;
using Xunit.Abstractions;

namespace PrivacyAssistant.Reliability.Tests.Notifications;

/// <summary>
/// Outage without loss: Microsoft Graph answers 503 for a whole period while breach reports keep
/// coming in; afterwards every desk mail is delivered, none twice. The period is
/// <c>PA_RELIABILITY_OUTAGE_SECONDS</c> (default 60, the issue's minute); the dispatcher and the
/// Graph SDK run with their real retry logic and the real clock.
/// </summary>
public sealed partial class GraphOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Reports = 30;

    private TestDatabase database = null!;
    private FakeGraphServer graph = null!;
    private IHost host = null!;

    private static TimeSpan Outage => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PA_RELIABILITY_OUTAGE_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : 60);

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        graph = await FakeGraphServer.StartAsync();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings)
        {
            ["Storage:Retention:Enabled"] = "false",
            ["Breaches:OverdueMonitorEnabled"] = "false",
            ["Breaches:Officers:0"] = "officer-1",
            ["Notifications:Mail:Enabled"] = "true",
            ["Notifications:Mail:Mailbox"] = "privacy-bot@school.example",
            ["Notifications:Mail:To:0"] = "privacy@school.example",
            ["Notifications:Mail:GraphBaseUrl"] = graph.BaseUrl,
            ["Notifications:Outbox:PollInterval"] = "00:00:00.200",
            ["Notifications:Outbox:InitialDelay"] = "00:00:01",
            ["Notifications:Outbox:MaxDelay"] = "00:00:05",
            ["Notifications:Outbox:BatchSize"] = "10",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddKeyedSingleton<Azure.Core.TokenCredential>(GraphMailChannel.CredentialKey, new FakeTokenCredential());
        builder.Services.AddBreaches();
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await graph.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task GraphOutage_WhileReportsArrive_EveryDeskMailIsDeliveredAfterwardsAndNoneTwice()
    {
        var outage = Outage;
        var register = host.Services.GetRequiredService<IBreachRegister>();
        graph.FailFor(outage, retryAfterSeconds: 2);
        var started = DateTime.UtcNow;

        // Reports arrive at the start, in the middle and near the end of the outage.
        var references = new List<string>();
        for (var wave = 0; wave < 3; wave++)
        {
            var submits = Enumerable.Range(0, Reports / 3).Select(i =>
                register.SubmitAsync(Report($"wave {wave} report {i}"), $"outage-{wave}-{i}"));
            references.AddRange((await Task.WhenAll(submits)).Select(r => r.Report.Reference));
            if (wave < 2)
            {
                await Task.Delay(outage * 0.4);
            }
        }

        Assert.True(graph.InOutage, "the outage ended before the last reports were stored; the host is too slow for this period");
        Assert.Empty(graph.SentMail);
        Assert.Equal(Reports, references.Distinct().Count());

        // After the outage the dispatcher's backoff (at most 5 s) and the SDK's retries must get everything out.
        var deadline = started + outage + TimeSpan.FromSeconds(90);
        while (graph.SentMail.Count < Reports && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var deliveredAfter = DateTime.UtcNow - started;

        // Let any duplicate delivery show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var mailed = graph.SentMail.Select(mail => ReferenceIn().Match(mail.Subject).Value).ToList();
        output.WriteLine($"outage {outage.TotalSeconds:0} s, {graph.RefusedCount} sendMail requests refused, {mailed.Count} mails delivered {deliveredAfter.TotalSeconds:0.0} s after the outage began");

        // The dispatcher backs off rather than hammering Graph, so there are fewer refusals than mails.
        Assert.True(graph.RefusedCount > 0, "no request was refused; the outage was not exercised");
        Assert.Equal(references.Order(), mailed.Order());
        var entries = await host.Services.GetRequiredService<OutboxDispatcher>().ListAsync();
        Assert.All(entries, entry => Assert.Equal(OutboxStatus.Delivered, entry.Status));
        Assert.Equal(Reports, entries.Count);
    }

    private static NewBreachReport Report(string description)
    {
        var discovered = DateTimeOffset.UtcNow.AddMinutes(-30);
        return new NewBreachReport(
            BreachKind.LostDevice,
            discovered.AddHours(-1),
            OccurredTimeKnown: true,
            discovered,
            [DataCategory.Contact],
            [AffectedGroup.Students],
            AffectedCount.UpTo100,
            Protection.None,
            null,
            description,
            new Reporter("reporter-outage", "Test Melder"));
    }

    [GeneratedRegex(@"DL-\d{4}-\d{4,}")]
    private static partial Regex ReferenceIn();
}
