using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.Conversations.Tests.Support;

/// <summary>
/// The knowledge conversation on an in-process <see cref="TestBot"/>: the repository's knowledge
/// folder and a fresh SQLite file (migrated) for feedback, counts and escalations.
/// </summary>
public sealed class KnowledgeBot : IAsyncDisposable
{
    private readonly string directory;

    private KnowledgeBot(TestBot bot, string directory, string databasePath)
    {
        Bot = bot;
        this.directory = directory;
        DatabasePath = databasePath;
    }

    public TestBot Bot { get; }

    public string DatabasePath { get; }

    public IKnowledgeFeedbackStore Feedback => Bot.Services.GetRequiredService<IKnowledgeFeedbackStore>();

    public static async Task<KnowledgeBot> CreateAsync(Action<IServiceCollection>? before = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pa-conv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, "test.db");
        var bot = TestBot.Create(
            services =>
            {
                services.AddConversations();
                before?.Invoke(services);
                services.AddKnowledgeConversation();
                services.AddBreachStartPlaceholder();
            },
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:Path"] = databasePath });
        await bot.Services.GetRequiredService<MigrationRunner>().ApplyAsync();
        return new KnowledgeBot(bot, directory, databasePath);
    }

    public Task<TurnResult> SendAsync(JsonObject activity) => Bot.SendAsync(activity);

    /// <summary>Asks <paramref name="text"/> and returns the single reply.</summary>
    public async Task<JsonObject> AskAsync(string text, string locale = "nl-NL")
    {
        var result = await Bot.SendAsync(TestActivities.Message(text, null, locale).ExpectingReplies());
        return Assert.Single(ConversationsBot.Replies(result));
    }

    /// <summary>Runs an Action.Execute and returns the card of the invoke response (fails on anything else).</summary>
    public async Task<JsonObject> ExecuteAsync(string verb, JsonObject data, string locale = "nl-NL")
    {
        var result = await Bot.SendAsync(TestActivities.Execute(verb, (JsonObject)data.DeepClone(), "card-activity", null, locale));
        Assert.Equal(200, result.StatusCode);
        var body = InvokeBody(result);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return (JsonObject)body["value"]!;
    }

    public static JsonObject InvokeBody(TurnResult result) =>
        (JsonObject)JsonSerializer.SerializeToNode(result.Body, BotJson.Options)!;

    /// <summary><c>channelData.privacyAssistant</c> of a reply.</summary>
    public static (string? EntryId, string Decision) Metadata(JsonObject reply)
    {
        var data = reply["channelData"]![AnswerMetadata.Property]!;
        return (data["entryId"]?.GetValue<string>(), data["decision"]!.GetValue<string>());
    }

    /// <summary>All actions of a card (nested action sets included), as (verb, data, title).</summary>
    public static IReadOnlyList<(string Verb, JsonObject Data, string Title)> Actions(JsonObject card)
    {
        var found = new List<(string, JsonObject, string)>();
        Walk(card, found);
        return found;
    }

    private static void Walk(JsonNode? node, List<(string, JsonObject, string)> found)
    {
        switch (node)
        {
            case JsonObject obj when obj["type"]?.GetValue<string>() == "Action.Execute":
                found.Add((obj["verb"]!.GetValue<string>(), (JsonObject?)obj["data"] ?? [], obj["title"]!.GetValue<string>()));
                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Walk(value, found);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, found);
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
