using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Notifications.Tests;

/// <summary>A host with storage + notifications as the bot wires them, pointed at test servers.</summary>
internal static class NotificationsTestHost
{
    public static IHost Build(TestDatabase database, FakeGraphServer graph, TokenCredential credential, IDictionary<string, string?>? extra = null, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetTempPath() });
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Storage:Retention:Enabled"] = "false",
            ["Notifications:Mail:Enabled"] = "true",
            ["Notifications:Mail:Mailbox"] = "privacy-bot@school.example",
            ["Notifications:Mail:To:0"] = "privacy@school.example",
            ["Notifications:Mail:GraphBaseUrl"] = graph.BaseUrl,
            ["Notifications:Outbox:PollInterval"] = "00:00:00.050",
            ["Notifications:Outbox:InitialDelay"] = "00:00:00.100",
            ["Notifications:Outbox:MaxDelay"] = "00:00:00.500",
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            settings[pair.Key] = pair.Value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddKeyedSingleton(GraphMailChannel.CredentialKey, credential);
        builder.Services.AddNotifications();
        return builder.Build();
    }
}
