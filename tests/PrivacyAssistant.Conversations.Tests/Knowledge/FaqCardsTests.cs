using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

/// <summary>
/// The plain answer card and the summaries come from a cache filled on first use (FaqCards); what
/// goes on the wire must be exactly what binding the template gives, for every shipped entry.
/// </summary>
public sealed class FaqCardsTests
{
    private static readonly KnowledgeLanguage[] Languages = [KnowledgeLanguage.Dutch, KnowledgeLanguage.English];

    [Fact]
    public async Task Answer_FromTheCache_WritesTheSameJsonAsBindingTheTemplate_ForEveryEntryAndLanguage()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var entries = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries;

        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            foreach (var language in Languages)
            {
                var expected = cards.RenderAnswer(entry, language, feedback: null, generated: null).ToJsonString(BotJson.Options);

                var first = cards.Answer(entry, language);   // fills the cache
                var second = cards.Answer(entry, language);  // read from it

                Assert.Equal(expected, first.ToJsonString(BotJson.Options));
                Assert.Equal(expected, second.ToJsonString(BotJson.Options));
                // Read as a tree too (what in-process callers do), not only written out.
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), second), $"{entry.Id} ({language})");
            }
        }
    }

    [Fact]
    public async Task Answer_FromTheCache_IsANewObjectEachTime_SoChangingOneReplyLeavesTheNextAlone()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var entry = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries[0];

        var first = cards.Answer(entry, KnowledgeLanguage.Dutch);
        first["body"] = new JsonArray();
        var second = cards.Answer(entry, KnowledgeLanguage.Dutch);

        Assert.NotSame(first, second);
        Assert.Equal(
            cards.RenderAnswer(entry, KnowledgeLanguage.Dutch, null, null).ToJsonString(BotJson.Options),
            second.ToJsonString(BotJson.Options));
    }

    [Fact]
    public async Task Answer_WithFeedback_IsNotTheCachedCard()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var entry = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries[0];
        _ = cards.Answer(entry, KnowledgeLanguage.English);

        var thanked = cards.Answer(entry, KnowledgeLanguage.English, feedback: "helpful");

        Assert.Equal(
            cards.RenderAnswer(entry, KnowledgeLanguage.English, "helpful", null).ToJsonString(BotJson.Options),
            thanked.ToJsonString(BotJson.Options));
        Assert.NotEqual(cards.Answer(entry, KnowledgeLanguage.English).ToJsonString(BotJson.Options), thanked.ToJsonString(BotJson.Options));
    }

    [Theory]
    [InlineData("FaqClarify")]
    [InlineData("FaqNone")]
    [InlineData("FaqBreach")]
    public async Task Summary_FromTheCache_IsTheBoundSummaryText(string card)
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();

        foreach (var language in Languages)
        {
            var expected = cards.Text(card, "summary", language);
            Assert.Equal(expected, cards.Summary(card, language));
            Assert.Equal(expected, cards.Summary(card, language));
        }
    }

    [Fact]
    public async Task NoneSummary_IsTheOutOfScopeTextOnlyForAnOutOfScopeQuestion()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();

        foreach (var language in Languages)
        {
            Assert.Equal(cards.Text("FaqNone", "summary", language), cards.NoneSummary(language, outOfScope: false));
            Assert.Equal(cards.Text("FaqNone", "outOfScopeSummary", language), cards.NoneSummary(language, outOfScope: true));
            Assert.NotEqual(cards.NoneSummary(language, outOfScope: false), cards.NoneSummary(language, outOfScope: true));
        }
    }
}
