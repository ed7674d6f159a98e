using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Testing.Activities;
using static PrivacyAssistant.Conversations.Tests.Knowledge.KnowledgeQuestionHandlerTests;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;
using static PrivacyAssistant.Conversations.Tests.Support.KnowledgeBot;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

/// <summary>
/// Buttons answer in the language of the card they are on (<c>lang</c> in the action data), not in
/// the activity's locale: the Agents Playground sends <c>en-US</c> for every click.
/// </summary>
public sealed class FaqCardLanguageTests
{
    private static readonly CardLibrary Library = new();
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    public static TheoryData<string, string> KnowledgeCards()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "FaqAnswer", "FaqClarify", "FaqNone", "FaqBreach" })
        {
            data.Add(name, BotLanguage.Dutch);
            data.Add(name, BotLanguage.English);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KnowledgeCards))]
    public void EveryButtonOfAKnowledgeCard_CarriesTheCardsLanguage(string name, string language)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cards", "Samples", name + ".json");
        var card = Library.Render(name, language, JsonNode.Parse(File.ReadAllText(path)));

        var actions = AllActionData(card);

        Assert.NotEmpty(actions);
        Assert.All(actions, data => Assert.Equal(language, data[CardLanguage.Field]?.GetValue<string>()));
    }

    [Fact]
    public async Task DutchCard_ClickedWithAnEnglishLocale_AnswersInDutch()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var answer = Card(await bot.AskAsync("mag ik een foto van de klas op instagram zetten"));
        var related = Actions(answer).First(a => a.Verb == "faq.show");
        var thumbsUp = Actions(answer).First(a => a.Verb == "faq.feedback" && a.Data["helpful"]!.GetValue<bool>());

        var shown = await bot.ExecuteAsync("faq.show", related.Data, locale: "en-US");
        var thanked = await bot.ExecuteAsync("faq.feedback", thumbsUp.Data, locale: "en-US");

        AssertValid(shown);
        Assert.Equal(related.Title, shown["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Bedankt voor je feedback", AllText(thanked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DutchNotSureCard_EscalatedWithAnEnglishLocale_IsADutchEscalation()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var none = Card(await bot.AskAsync("mag de schoolfotograaf klassenlijsten van de mentor krijgen voor de kerstviering"));
        var escalate = Assert.Single(Actions(none), a => a.Verb == "faq.escalate");
        var data = (JsonObject)escalate.Data.DeepClone();
        data["consent"] = "true";
        data["contact"] = "false";

        var card = await bot.ExecuteAsync("faq.escalate", data, locale: "en-US");

        Assert.Contains("Je vraag is doorgestuurd", AllText(card), StringComparison.Ordinal);
        Assert.Equal(KnowledgeLanguage.Dutch, Assert.Single((await bot.Feedback.SummarizeAsync(Yesterday)).OpenEscalations).Language);
    }

    [Fact]
    public async Task EnglishCard_ClickedWithADutchLocale_AnswersInEnglish()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var answer = Card(await bot.AskAsync("may I post a photo of my class on instagram", "en-US"));
        var related = Actions(answer).First(a => a.Verb == "faq.show");

        var shown = await bot.ExecuteAsync("faq.show", related.Data, locale: "nl-NL");

        Assert.Equal("en", related.Data["lang"]!.GetValue<string>());
        Assert.Equal(related.Title, shown["body"]![0]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public async Task UnknownCardLanguage_FallsBackToTheLocale(string lang)
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var card = await bot.ExecuteAsync("faq.feedback", new JsonObject { ["entryId"] = "datalek", ["helpful"] = true, ["lang"] = lang }, locale: "en-US");

        Assert.Contains("Thank you for your feedback!", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSubmit_UsesTheCardsLanguageToo()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var value = new JsonObject { ["verb"] = "faq.show", ["entryId"] = "datalek", ["lang"] = "nl" };

        var result = await bot.SendAsync(TestActivities.Submit(value, null, null, "en-US").ExpectingReplies());

        var reply = Assert.Single(Replies(result));
        var title = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Find("datalek")!.In(KnowledgeLanguage.Dutch).Title;
        Assert.Equal(title, Card(reply)["body"]![0]!["text"]!.GetValue<string>());
    }

    private static List<JsonObject> AllActionData(JsonNode? node)
    {
        var found = new List<JsonObject>();
        Walk(node);
        return found;

        void Walk(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    if (obj["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit" && obj["data"] is JsonObject data)
                    {
                        found.Add(data);
                    }

                    foreach (var (_, value) in obj)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
            }
        }
    }
}
