using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.Conversations.Tests.Support;

/// <summary>The conversation basics (<c>AddConversations()</c>) on an in-process <see cref="TestBot"/>.</summary>
public static class ConversationsBot
{
    public static TestBot Create() => TestBot.Create(services => services.AddConversations());

    /// <summary>The replies of an expectReplies turn.</summary>
    public static IReadOnlyList<JsonObject> Replies(TurnResult result) =>
        result.Replies.Select(r => (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(r, BotFramework.Schema.BotJson.Options)!).ToList();

    /// <summary>The first Adaptive Card in a reply.</summary>
    public static JsonObject Card(JsonObject reply)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply["attachments"]![0]!["contentType"]!.GetValue<string>());
        return (JsonObject)reply["attachments"]![0]!["content"]!;
    }

    /// <summary>All text of a card, joined, for "does it mention …" checks.</summary>
    public static string AllText(JsonObject card) =>
        string.Join("\n", Strings(card));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key is "text" or "title" ? Strings(p.Value) : p.Value is JsonObject or JsonArray ? Strings(p.Value) : []),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
