using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

/// <summary>
/// The plain answer card, the breach offer, the clarify and not-sure cards (the question put into a
/// card bound once) and the summaries come from caches filled on first use (FaqCards); what goes on
/// the wire must be exactly what binding the template gives, for every shipped entry.
/// </summary>
public sealed class FaqCardsTests
{
    private static readonly KnowledgeLanguage[] Languages = [KnowledgeLanguage.Dutch, KnowledgeLanguage.English];

    // What users type, and what they might type to break a card: JSON, template and Markdown syntax,
    // HTML, quotes and backslashes, accents, emoji, control characters, a lone surrogate, the limit.
    private static readonly string[] Questions =
    [
        "mag ik foto's van de klas op insta zetten?",
        "Wat is een DPIA",
        "\"}],\"actions\":[{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}],\"x\":{\"",
        "${question} ${$root.desk} {{school.name}} ${if(true, 'a', 'b')}",
        "**vet** [link](https://evil.example) <script>alert(1)</script> &lt; &amp; \\ \\\" ' `code`",
        "café naïve Ærø 😀 👩‍🏫 \u00e9",
        "tab\there\r\nnew line \u0001\u001f\u007f \u2028\u2029 \u200b\u202e",
        "lone \ud800 surrogate \udc00",
        PreboundCard.Marker(0),
        new string('x', 999) + "é",
    ];

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

    [Fact]
    public async Task AnswerJson_IsTheBoundCardsJson_ForEveryEntryAndLanguage()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();

        foreach (var entry in bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries)
        {
            foreach (var language in Languages)
            {
                var expected = cards.RenderAnswer(entry, language, feedback: null, generated: null).ToJsonString(BotJson.Options);
                Assert.Equal(expected, Encoding.UTF8.GetString(cards.AnswerJson(entry, language).Span));
                Assert.Equal(expected, Encoding.UTF8.GetString(cards.AnswerJson(entry, language).Span));
            }
        }
    }

    [Fact]
    public async Task BreachJson_IsTheBoundCardsJson_WithAndWithoutAnEntry()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var entries = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries;

        foreach (var entryId in new[] { null, entries[0].Id, entries[^1].Id })
        {
            foreach (var language in Languages)
            {
                var expected = cards.Breach(language, entryId).ToJsonString(BotJson.Options);
                Assert.Equal(expected, Encoding.UTF8.GetString(cards.BreachJson(language, entryId).Span));
                Assert.Equal(expected, Encoding.UTF8.GetString(cards.BreachJson(language, entryId).Span));
            }
        }
    }

    [Fact]
    public async Task ClarifyCard_IsTheCardBoundWithTheQuestion_ForEveryEntryAsOneOrTwoOptions()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var entries = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries;

        for (var i = 0; i < entries.Count; i++)
        {
            foreach (IReadOnlyList<KnowledgeEntry> options in new[] { [entries[i]], [entries[i], entries[(i + 1) % entries.Count]], entries.Take(3).ToList() })
            {
                foreach (var language in Languages)
                {
                    foreach (var question in i < 3 ? Questions : Questions[..2])
                    {
                        Assert.Equal(
                            cards.Clarify(options, question, language).ToJsonString(BotJson.Options),
                            Encoding.UTF8.GetString(cards.ClarifyCard(options, question, language).ToArray()));
                    }
                }
            }
        }
    }

    [Fact]
    public async Task NoneCard_IsTheCardBoundWithTheQuestion_ForEveryBestEntryInAndOutOfScope()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var entries = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries;

        foreach (var bestEntryId in entries.Select(e => (string?)e.Id).Prepend(null))
        {
            foreach (var outOfScope in new[] { false, true })
            {
                foreach (var language in Languages)
                {
                    foreach (var question in bestEntryId is null || bestEntryId == entries[0].Id ? Questions : Questions[..2])
                    {
                        Assert.Equal(
                            cards.None(question, bestEntryId, language, outOfScope: outOfScope).ToJsonString(BotJson.Options),
                            Encoding.UTF8.GetString(cards.NoneCard(question, bestEntryId, language, outOfScope).ToArray()));
                    }
                }
            }
        }
    }

    [Fact]
    public async Task ClarifyCard_KeepsTheQuestionAString_ThatDoesNotChangeTheCardsStructure()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var cards = bot.Bot.Services.GetRequiredService<FaqCards>();
        var options = bot.Bot.Services.GetRequiredService<KnowledgeBase>().Entries.Take(2).ToList();

        var plain = JsonNode.Parse(cards.ClarifyCard(options, "vraag", KnowledgeLanguage.Dutch).ToArray())!;
        var hostile = JsonNode.Parse(cards.ClarifyCard(options, Questions[2], KnowledgeLanguage.Dutch).ToArray())!;

        // Same tree but for the question's values, which hold the text exactly as typed.
        var questions = Values(hostile, "question").ToList();
        Assert.Equal(Values(plain, "question").Count(), questions.Count);
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Equal(Questions[2], q));
        Assert.Equal(plain.ToJsonString().Replace("\"vraag\"", "\"Q\"", StringComparison.Ordinal), hostile.ToJsonString().Replace(JsonValue.Create(Questions[2]).ToJsonString(), "\"Q\"", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Values(JsonNode? node, string property) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == property && p.Value is JsonValue v ? [v.GetValue<string>()] : Values(p.Value, property)),
        JsonArray array => array.SelectMany(item => Values(item, property)),
        _ => [],
    };
}
