using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Tests.Cards;

public sealed class PreboundCardTests
{
    private static readonly CardLibrary Library = new();

    private static JsonObject Template(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("FaqClarify")]
    [InlineData("FaqNone")]
    public void KnowledgeCards_WithTheQuestionAsMarker_ArePrebound(string card)
    {
        var data = new JsonObject
        {
            ["question"] = PreboundCard.Marker(0),
            ["options"] = new JsonArray(new JsonObject { ["entryId"] = "a", ["title"] = "A" }),
            ["bestEntryId"] = "a",
            ["desk"] = "privacy@school.example",
        };

        foreach (var language in new[] { BotLanguage.Dutch, BotLanguage.English })
        {
            var prebound = PreboundCard.TryCreate(Library.Render(card, language, data), 1);

            Assert.NotNull(prebound);
            data["question"] = "Mag ik \"dit\" ${x}?";
            Assert.Equal(
                Library.Render(card, language, data).ToJsonString(BotJson.Options),
                Encoding.UTF8.GetString(prebound.With("Mag ik \"dit\" ${x}?").ToArray()));
            data["question"] = PreboundCard.Marker(0);
        }
    }

    [Fact]
    public void With_PutsEachValueInItsHoles_AsJsonStrings()
    {
        var bound = CardTemplateBinder.Bind(
            Template("""{"a":"${first}","b":[{"c":"${second}","d":1},"${first}"],"e":"fixed"}"""),
            new JsonObject { ["first"] = PreboundCard.Marker(0), ["second"] = PreboundCard.Marker(1) });

        var prebound = PreboundCard.TryCreate(bound, 2)!;

        Assert.Equal("""{"a":"x\u0022y","b":[{"c":"\u003Cz\u003E","d":1},"x\u0022y"],"e":"fixed"}""", Encoding.UTF8.GetString(prebound.With("x\"y", "<z>").ToArray()));
    }

    [Theory]
    [InlineData("""{"text":"Je vroeg: ${question}"}""")]
    [InlineData("""{"text":"${escapeMarkdown(question)}"}""")]
    [InlineData("""{"text":"${question}","other":"${question}${question}"}""")]
    public void TryCreate_RefusesACard_ThatUsesTheValueOtherThanWhole(string template)
    {
        var bound = CardTemplateBinder.Bind(Template(template), new JsonObject { ["question"] = PreboundCard.Marker(0) });

        Assert.Null(PreboundCard.TryCreate(bound, 1));
    }

    [Fact]
    public void TryCreate_WithoutHoles_KeepsTheCardAsItIs()
    {
        var bound = CardTemplateBinder.Bind(Template("""{"type":"AdaptiveCard","body":[{"text":"é ${x}"}]}"""), new JsonObject { ["x"] = 1 });

        Assert.Equal(JsonSerializer.Serialize(bound), Encoding.UTF8.GetString(PreboundCard.TryCreate(bound, 1)!.With("unused").ToArray()));
    }
}
