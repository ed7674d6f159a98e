using System.Text.Json.Nodes;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Tests.Cards;

public sealed class CardTemplateBinderTests
{
    private static JsonObject Bind(string template, string data, string? strings = null) =>
        CardTemplateBinder.Bind((JsonObject)JsonNode.Parse(template)!, JsonNode.Parse(data), strings is null ? null : (JsonObject)JsonNode.Parse(strings)!);

    [Fact]
    public void WholeValueExpression_KeepsTheJsonType()
    {
        var card = Bind("""{"n":"${count}","b":"${flag}","o":"${obj}","s":"${name}"}""", """{"count":3,"flag":true,"obj":{"a":1},"name":"Jan"}""");

        Assert.Equal("""{"n":3,"b":true,"o":{"a":1},"s":"Jan"}""", card.ToJsonString());
    }

    [Fact]
    public void Interpolation_FormatsValuesAsText()
    {
        var card = Bind("""{"text":"${name} heeft ${count} meldingen (${missing}), ok=${flag}"}""", """{"name":"Jan","count":2.5,"flag":false}""");

        Assert.Equal("Jan heeft 2.5 meldingen (), ok=false", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void MissingWholeValue_LeavesThePropertyOut()
    {
        var card = Bind("""{"type":"Image","url":"${url}","altText":"logo"}""", "{}");

        Assert.False(card.ContainsKey("url"));
    }

    [Fact]
    public void Paths_ReachNestedObjectsArraysRootAndStrings()
    {
        var card = Bind(
            """{"a":"${entry.sources[1].title}","b":"${$root.entry.id}","c":"${$strings.greeting}","d":"${entry.sources[9].title}"}""",
            """{"entry":{"id":"foto","sources":[{"title":"x"},{"title":"Privacyreglement"}]}}""",
            """{"greeting":"Hallo"}""");

        Assert.Equal("""{"a":"Privacyreglement","b":"foto","c":"Hallo"}""", card.ToJsonString());
    }

    [Fact]
    public void DataOnAnArrayElement_RepeatsItPerItemWithIndexAndRoot()
    {
        var card = Bind(
            """{"body":[{"type":"TextBlock","text":"intro"},{"$data":"${related}","type":"TextBlock","text":"${$index}: ${title} (${$root.topic})"}]}""",
            """{"topic":"AVG","related":[{"title":"Foto's"},{"title":"Social media"}]}""");

        Assert.Equal(
            """{"body":[{"type":"TextBlock","text":"intro"},{"type":"TextBlock","text":"0: Foto\u0027s (AVG)"},{"type":"TextBlock","text":"1: Social media (AVG)"}]}""",
            card.ToJsonString());
    }

    [Fact]
    public void DataWithEmptyOrMissingArray_LeavesTheElementOut()
    {
        var card = Bind("""{"body":[{"$data":"${none}","type":"TextBlock","text":"x"},{"$data":"${empty}","type":"TextBlock","text":"y"}]}""", """{"empty":[]}""");

        Assert.Equal("""{"body":[]}""", card.ToJsonString());
    }

    [Fact]
    public void DataOnAnObject_ChangesTheScope()
    {
        var card = Bind("""{"selectAction":{"$data":"${entry}","type":"Action.Execute","verb":"faq.show","data":{"entryId":"${id}"}}}""", """{"entry":{"id":"foto"}}""");

        Assert.Equal("""{"selectAction":{"type":"Action.Execute","verb":"faq.show","data":{"entryId":"foto"}}}""", card.ToJsonString());
    }

    [Theory]
    [InlineData("${show}", """{"show":true}""", true)]
    [InlineData("${show}", """{"show":false}""", false)]
    [InlineData("${show}", "{}", false)]
    [InlineData("${!show}", "{}", true)]
    [InlineData("${exists(items)}", """{"items":[]}""", true)]
    [InlineData("${empty(items)}", """{"items":[]}""", true)]
    [InlineData("${not(empty(name))}", """{"name":"x"}""", true)]
    [InlineData("${kind == 'laptop'}", """{"kind":"laptop"}""", true)]
    [InlineData("${kind != 'laptop'}", """{"kind":"laptop"}""", false)]
    [InlineData("${equals(count, 2)}", """{"count":2.0}""", true)]
    [InlineData("${a && b}", """{"a":true,"b":false}""", false)]
    [InlineData("${a || b}", """{"a":false,"b":"x"}""", true)]
    [InlineData("${(a || b) && !c}", """{"a":true,"c":0}""", true)]
    public void When_KeepsTheElementOnlyIfTruthy(string when, string data, bool kept)
    {
        var card = Bind($$"""{"body":[{"$when":"{{when}}","type":"TextBlock"}]}""", data);

        Assert.Equal(kept ? 1 : 0, card["body"]!.AsArray().Count);
    }

    [Fact]
    public void UnsupportedSyntax_FailsLoudlyInsteadOfPassingSilently() =>
        Assert.Throws<CardTemplateException>(() => Bind("""{"body":[{"$when":"${count(items) > 0}","type":"TextBlock"}]}""", """{"items":[1]}"""));

    [Fact]
    public void If_ChoosesAValue()
    {
        var card = Bind("""{"style":"${if(urgent, 'attention', 'default')}"}""", """{"urgent":true}""");

        Assert.Equal("attention", card["style"]!.GetValue<string>());
    }

    [Fact]
    public void UserText_CannotInjectCardJson()
    {
        const string hostile = "\"}],\"actions\":[{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}],\"x\":[{\"a\":\"";
        var data = new JsonObject { ["question"] = hostile };

        var card = CardTemplateBinder.Bind((JsonObject)JsonNode.Parse("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Vraag: ${question}"}]}""")!, data);

        Assert.False(card.ContainsKey("actions"));
        Assert.Single(card["body"]!.AsArray());
        Assert.Equal("Vraag: " + hostile, card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void UserText_ThatLooksLikeAnExpression_IsNotEvaluated()
    {
        var data = new JsonObject { ["question"] = "${$root.secret}", ["secret"] = "geheim" };

        var card = CardTemplateBinder.Bind((JsonObject)JsonNode.Parse("""{"a":"${question}","b":"Vraag: ${question}"}""")!, data);

        Assert.Equal("${$root.secret}", card["a"]!.GetValue<string>());
        Assert.Equal("Vraag: ${$root.secret}", card["b"]!.GetValue<string>());
    }

    [Fact]
    public void StringsBoundToData_DoNotReevaluateInsertedUserText()
    {
        var strings = (JsonObject)JsonNode.Parse("""{"thanks":"Bedankt, ${name}!"}""")!;
        var data = new JsonObject { ["name"] = "${$strings.thanks}" };
        var boundStrings = CardTemplateBinder.Bind(strings, data);

        var card = CardTemplateBinder.Bind((JsonObject)JsonNode.Parse("""{"text":"${$strings.thanks}"}""")!, data, boundStrings);

        Assert.Equal("Bedankt, ${$strings.thanks}!", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void EscapeMarkdown_NeutralisesUserFormatting()
    {
        var card = Bind("""{"text":"${escapeMarkdown(question)}"}""", """{"question":"**klik** [hier](https://evil.example)"}""");

        Assert.Equal(@"\*\*klik\*\* \[hier\]\(https\://evil.example\)", card["text"]!.GetValue<string>());
    }

    [Fact]
    public void TheTemplate_IsNotModified()
    {
        var template = (JsonObject)JsonNode.Parse("""{"body":[{"$data":"${items}","type":"TextBlock","text":"${title}"}]}""")!;
        var before = template.ToJsonString();

        CardTemplateBinder.Bind(template, JsonNode.Parse("""{"items":[{"title":"a"}]}"""));

        Assert.Equal(before, template.ToJsonString());
    }

    [Theory]
    [InlineData("""{"text":"${unknownFunction(x)}"}""")]
    [InlineData("""{"text":"${name"}""")]
    [InlineData("""{"text":"${name +}"}""")]
    [InlineData("""{"text":"${$secret}"}""")]
    [InlineData("""{"text":"${obj} in text"}""")]
    [InlineData("""{"body":[{"$data":"items","type":"TextBlock"}]}""")]
    public void BrokenTemplates_FailWithATemplateError(string template)
    {
        Assert.Throws<CardTemplateException>(() => Bind(template, """{"name":"x","obj":{"a":1},"items":[]}"""));
    }
}
