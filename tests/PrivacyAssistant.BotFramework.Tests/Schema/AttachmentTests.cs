using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Tests.Schema;

/// <summary>
/// An attachment made from a card's JSON text goes into the reply as that text; it must be exactly
/// what the same card as a node tree gives, and read as that tree in-process.
/// </summary>
public sealed class AttachmentTests
{
    private const string Card = """
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Mag ik foto\u0027s delen? \u00E9\u00E8 \u003Cb\u003E \uD83D\uDE00 \\ \u0022quoted\u0022","wrap":true},{"type":"Input.Toggle","id":"x","value":"false","isRequired":true,"max":3.5,"none":null}],"actions":[]}
        """;

    private static readonly byte[] CardUtf8 = JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(Card));

    private static Activity Reply(Attachment attachment) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        Summary = "s",
        Attachments = [attachment, new Attachment { ContentType = "text/plain", ContentUrl = "https://example.org/x", Name = "x.txt" }],
        ChannelData = new JsonObject { ["privacyAssistant"] = new JsonObject { ["entryId"] = "a", ["decision"] = "answer" } },
    };

    [Fact]
    public void FromJsonText_IsWrittenAsTheSameBytesAsTheCardAsANode()
    {
        var fromText = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies { Activities = [Reply(Attachment.AdaptiveCard(CardUtf8))] }, BotJson.Options);
        var fromNode = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies { Activities = [Reply(Attachment.AdaptiveCard(JsonNode.Parse(Card)!.AsObject()))] }, BotJson.Options);

        Assert.Equal(Encoding.UTF8.GetString(fromNode), Encoding.UTF8.GetString(fromText));
        Assert.Contains("\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":{", Encoding.UTF8.GetString(fromText), StringComparison.Ordinal);
        Assert.Contains("\"contentType\":\"text/plain\",\"contentUrl\":\"https://example.org/x\",\"name\":\"x.txt\"", Encoding.UTF8.GetString(fromText), StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonText_ReadsAsTheCardsTree_AndAChangeToTheTreeIsWritten()
    {
        var attachment = Attachment.AdaptiveCard(CardUtf8);

        var content = Assert.IsType<JsonObject>(attachment.Content);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Card), content));
        Assert.Same(content, attachment.Content);

        content["version"] = "1.6";
        var written = JsonSerializer.SerializeToNode(attachment, BotJson.Options)!;
        Assert.Equal("1.6", written["content"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void ContentSetAfterJsonText_ReplacesIt()
    {
        var attachment = Attachment.AdaptiveCard(CardUtf8);
        attachment.Content = null;

        Assert.Null(attachment.Content);
        Assert.Equal("""{"contentType":"application/vnd.microsoft.card.adaptive"}""", JsonSerializer.Serialize(attachment, BotJson.Options));
    }

    [Fact]
    public void EmptyJsonText_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Attachment.AdaptiveCard(ReadOnlyMemory<byte>.Empty));

    [Fact]
    public void MessageFactoryCard_FromJsonText_IsTheSameMessageAsFromTheNode()
    {
        var fromText = JsonSerializer.Serialize(MessageFactory.Card(CardUtf8, "summary"), BotJson.Options);
        var fromNode = JsonSerializer.Serialize(MessageFactory.Card(JsonNode.Parse(Card)!.AsObject(), "summary"), BotJson.Options);

        Assert.Equal(fromNode, fromText);
    }

    [Fact]
    public void FromJsonTextPutTogetherWhenWritten_IsWrittenAsTheSameBytesAsTheCardAsANode()
    {
        var fromParts = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies { Activities = [Reply(Attachment.AdaptiveCard(new SplitText(CardUtf8)))] }, BotJson.Options);
        var fromNode = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies { Activities = [Reply(Attachment.AdaptiveCard(JsonNode.Parse(Card)!.AsObject()))] }, BotJson.Options);

        Assert.Equal(Encoding.UTF8.GetString(fromNode), Encoding.UTF8.GetString(fromParts));
        Assert.Equal(
            JsonSerializer.Serialize(MessageFactory.Card(JsonNode.Parse(Card)!.AsObject(), "summary"), BotJson.Options),
            JsonSerializer.Serialize(MessageFactory.Card(new SplitText(CardUtf8), "summary"), BotJson.Options));
    }

    [Fact]
    public void FromJsonTextPutTogetherWhenWritten_ReadsAsTheCardsTree_AndContentSetReplacesIt()
    {
        var attachment = Attachment.AdaptiveCard(new SplitText(CardUtf8));

        var content = Assert.IsType<JsonObject>(attachment.Content);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Card), content));
        Assert.Same(content, attachment.Content);

        attachment.Content = null;
        Assert.Equal("""{"contentType":"application/vnd.microsoft.card.adaptive"}""", JsonSerializer.Serialize(attachment, BotJson.Options));
    }

    [Fact]
    public void EmptyJsonTextPutTogetherWhenWritten_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Attachment.AdaptiveCard(new SplitText([])));

    // Copies the text in two parts, as a prebound card puts its segments and values together.
    private sealed class SplitText(byte[] json) : IUtf8JsonText
    {
        public int Length => json.Length;

        public void CopyTo(Span<byte> destination)
        {
            var half = json.Length / 2;
            json.AsSpan(0, half).CopyTo(destination);
            json.AsSpan(half).CopyTo(destination[half..]);
        }
    }

    [Theory]
    [InlineData("""{"contentType":"application/vnd.microsoft.card.adaptive","content":{"Type":"AdaptiveCard","body":[1,{"a":null}]},"name":"n"}""")]
    [InlineData("""{"contentType":"text/html","content":"<p>x</p>"}""")]
    [InlineData("""{"contentType":"text/html","content":null,"extra":{"x":1}}""")]
    [InlineData("""{"contentType":"text/html","content":[1,"2",{"three":3}]}""")]
    [InlineData("""{"contentUrl":"https://example.org/f.pdf"}""")]
    public void IncomingAttachment_ReadsAndRoundTripsAsAJsonNodeProperty(string json)
    {
        var attachment = JsonSerializer.Deserialize<Attachment>(json, BotJson.Options)!;
        var expected = JsonSerializer.Deserialize<JsonObject>(json, BotJson.Options)!["content"];

        Assert.True(JsonNode.DeepEquals(expected, attachment.Content));
        if (attachment.Content is JsonObject content)
        {
            // The serialiser's JsonNode properties take the options' case rule (camelCase wire, case-insensitive reads).
            Assert.Equal(JsonSerializer.Deserialize<JsonNode>(content.ToJsonString(), BotJson.Options)!["type"]?.ToJsonString(), content["type"]?.ToJsonString());
        }

        // Written back the same, but for null members (nulls are left out on the wire).
        var input = JsonNode.Parse(json)!.AsObject();
        foreach (var name in input.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            input.Remove(name);
        }

        Assert.True(JsonNode.DeepEquals(input, JsonSerializer.SerializeToNode(attachment, BotJson.Options)));
    }
}
