using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Cards;

namespace PrivacyAssistant.Conversations.Tests.Cards;

/// <summary>
/// Every card, in both languages, rendered with its sample data (<c>Cards/Samples/&lt;Name&gt;.json</c>,
/// or <c>{}</c>), is a valid Adaptive Card 1.5 and accessible.
/// </summary>
public sealed class CardSchemaTests
{
    private static readonly CardLibrary Library = new();

    public static TheoryData<string, string> AllCards()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Library.CardNames.Order())
        {
            data.Add(name, BotLanguage.Dutch);
            data.Add(name, BotLanguage.English);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCards))]
    public void Card_IsValidAdaptiveCard15(string name, string language)
    {
        var card = Library.Render(name, language, Sample(name));

        var errors = AdaptiveCardSchema.Validate(card);

        Assert.True(errors.Count == 0, $"Cards/{name}.json ({language}) is not a valid Adaptive Card 1.5 with Cards/Samples/{name}.json:\n{string.Join("\n", errors)}");
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(AllCards))]
    public void Card_IsAccessible(string name, string language)
    {
        var problems = AdaptiveCardSchema.AccessibilityProblems(Library.Render(name, language, Sample(name)));

        Assert.True(problems.Count == 0, $"Cards/{name}.json ({language}):\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void TheLibrary_HasTheFoundationCards()
    {
        Assert.Contains("Welcome", Library.CardNames);
        Assert.Contains("Help", Library.CardNames);
    }

    public static TheoryData<string, string> BrokenCards => new()
    {
        { "unknown element type", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Marquee","text":"hi"}]}""" },
        { "TextBlock without text", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""" },
        { "wrap is a string", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"hi","wrap":"yes"}]}""" },
        { "unknown action type", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Teleport","title":"Go"}]}""" },
        { "Image without url", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Image","altText":"x"}]}""" },
        { "Input without id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"Naam"}]}""" },
        { "size not in the enum", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"hi","size":"Huge"}]}""" },
        { "not a card", """{"type":"Message","version":"1.5"}""" },
    };

    [Theory]
    [MemberData(nameof(BrokenCards))]
    public void TheValidation_RejectsBrokenCards(string why, string json)
    {
        Assert.True(AdaptiveCardSchema.Validate((JsonObject)JsonNode.Parse(json)!).Count > 0, $"the schema accepted a card with {why}");
    }

    [Fact]
    public void TheAccessibilityCheck_FindsProblems()
    {
        var card = (JsonObject)JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"no wrap"},
              {"type":"Image","url":"https://example.com/a.png"},
              {"type":"Input.Text","id":"x"},
              {"type":"TextBlock","text":"${unbound}","wrap":true}],
             "actions":[{"type":"Action.Execute","verb":"x"}]}
            """)!;

        Assert.Equal(5, AdaptiveCardSchema.AccessibilityProblems(card).Count);
    }

    private static JsonNode Sample(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cards", "Samples", name + ".json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))! : new JsonObject();
    }
}
