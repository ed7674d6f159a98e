using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Breaches.Tests;

/// <summary>Storage + notifications + breaches wired as in the bot, on a test database and a fake clock.</summary>
internal static class BreachesTestHost
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-10T12:00:00Z");

    public static async Task<IHost> StartAsync(TestDatabase database, FakeTimeProvider clock, IDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetTempPath() });
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Storage:Retention:Enabled"] = "false",
            ["Notifications:Outbox:DispatcherEnabled"] = "false",
            ["Breaches:OverdueMonitorEnabled"] = "false",
            ["Breaches:Officers:0"] = "officer-1",
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            settings[pair.Key] = pair.Value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddKeyedSingleton<Azure.Core.TokenCredential>(PrivacyAssistant.Notifications.Mail.GraphMailChannel.CredentialKey, new FakeTokenCredential());
        builder.Services.AddBreaches();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static NewBreachReport Report(
        DateTimeOffset discoveredAt,
        BreachKind kind = BreachKind.LostDevice,
        string reporterId = "reporter-1",
        string description = "Laptop in de trein laten liggen.",
        DateTimeOffset? occurredAt = null) =>
        new(
            kind,
            occurredAt ?? discoveredAt.AddHours(-2),
            OccurredTimeKnown: true,
            discoveredAt,
            [DataCategory.Contact, DataCategory.Grades],
            [AffectedGroup.Students],
            AffectedCount.UpTo100,
            Protection.None,
            "Wachtwoord gewijzigd.",
            description,
            new Reporter(reporterId, "Jan de Vries"));
}
