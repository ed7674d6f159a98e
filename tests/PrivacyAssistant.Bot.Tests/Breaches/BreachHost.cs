using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Bot.Tests.Support;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Bot.Tests.Breaches;

/// <summary>The real host in local mode on a fresh database, a fake clock and a fake Graph; helpers to talk to it like Teams does.</summary>
internal sealed class BreachHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-10T12:00:00Z");

    /// <summary>The day of <see cref="Start"/> (also at school), for forms such as <c>BreachForms.Valid</c>.</summary>
    public static readonly DateOnly Day = DateOnly.FromDateTime(Start.UtcDateTime);

    private BreachHost(TestDatabase database, FakeGraphServer graph, BotApplicationFactory factory, FakeTimeProvider clock, LogCapture logs)
    {
        Logs = logs;
        Database = database;
        Graph = graph;
        Factory = factory;
        Clock = clock;
        Client = factory.CreateClient();
    }

    public TestDatabase Database { get; }

    public FakeGraphServer Graph { get; }

    public BotApplicationFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the host logged, at every level.</summary>
    public LogCapture Logs { get; }

    public IBreachRegister Register => Factory.Services.GetRequiredService<IBreachRegister>();

    public static async Task<BreachHost> StartAsync(IDictionary<string, string?>? extra = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var graph = await FakeGraphServer.StartAsync();
        var clock = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Storage:Retention:Enabled"] = "false",
            ["Breaches:OverdueMonitorEnabled"] = "false",
            ["Notifications:Mail:Enabled"] = "true",
            ["Notifications:Mail:Mailbox"] = "privacy-bot@school.example",
            ["Notifications:Mail:To:0"] = "privacy@school.example",
            ["Notifications:Mail:GraphBaseUrl"] = graph.BaseUrl,
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            settings[pair.Key] = pair.Value;
        }

        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace";
        var logs = new LogCapture();
        var factory = new BotApplicationFactory(settings, services =>
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            services.AddSingleton<TimeProvider>(clock);
            services.AddKeyedSingleton<TokenCredential>(GraphMailChannel.CredentialKey, new FakeTokenCredential());
        });
        return new BreachHost(database, graph, factory, clock, logs);
    }

    /// <summary>A typed message; returns the replies (expectReplies).</summary>
    public async Task<JsonArray> SayAsync(string text, string? aadObjectId = null, string locale = "nl-NL")
    {
        var activity = TestActivities.Message(text, null, locale).ExpectingReplies();
        SetUser(activity, aadObjectId);
        using var response = await Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
    }

    /// <summary>An Action.Execute invoke; returns the invoke response body.</summary>
    public async Task<JsonObject> ExecuteAsync(string verb, JsonObject data, string? aadObjectId = null, string locale = "nl-NL", string replyToId = "card-1")
    {
        var activity = TestActivities.Execute(verb, data, replyToId, "http://127.0.0.1:9/unused/", locale);
        SetUser(activity, aadObjectId);
        using var response = await Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync() =>
        await Factory.Services.GetRequiredService<OutboxDispatcher>().ListAsync();

    public static void SetUser(JsonObject activity, string? aadObjectId)
    {
        if (aadObjectId is not null)
        {
            activity["from"]!["aadObjectId"] = aadObjectId;
        }
    }

    /// <summary>The card of a reply or of an invoke response.</summary>
    public static JsonObject CardOf(JsonNode reply) =>
        (reply["attachments"]?[0]?["content"] ?? reply["value"]) as JsonObject ?? throw new InvalidOperationException("No card in " + reply.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Graph.DisposeAsync();
        await Database.DisposeAsync();
    }
}
