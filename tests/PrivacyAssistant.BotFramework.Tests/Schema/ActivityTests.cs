using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Tests.Schema;

public sealed class ActivityTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1700000000000",
          "timestamp": "2026-11-23T10:11:23.671Z",
          "localTimestamp": "2026-11-23T11:11:23.671+01:00",
          "localTimezone": "Europe/Amsterdam",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "J. de Vries", "aadObjectId": "0b1c2d3e-0000-4000-8000-0000000000aa", "userRole": "user" },
          "conversation": { "conversationType": "personal", "tenantId": "7a1b2c3d-0000-4000-8000-00000000a11e", "id": "a:1xyz", "futureField": 1 },
          "recipient": { "id": "28:3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b", "name": "Privacy Assistant" },
          "textFormat": "plain",
          "locale": "nl-NL",
          "text": "<at>Privacy Assistant</at> mag ik  foto's delen?",
          "attachments": [{ "contentType": "text/html", "content": "<p>mag ik foto's delen?</p>" }],
          "entities": [{ "type": "clientInfo", "locale": "nl-NL", "country": "NL", "platform": "Web", "timezone": "Europe/Amsterdam" }],
          "channelData": { "tenant": { "id": "7a1b2c3d-0000-4000-8000-00000000a11e" }, "eventType": null, "settings": { "selectedChannel": { "id": "19:x" } } },
          "someUnknownField": { "nested": [1, 2, 3] },
          "importance": "high"
        }
        """;

    [Fact]
    public void TeamsMessage_ParsesTheTeamsFields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, BotJson.Options)!;

        Assert.True(activity.IsType(ActivityTypes.Message));
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("0b1c2d3e-0000-4000-8000-0000000000aa", activity.From!.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal("7a1b2c3d-0000-4000-8000-00000000a11e", activity.Conversation.TenantId);
        Assert.Equal("7a1b2c3d-0000-4000-8000-00000000a11e", activity.GetTeamsChannelData()!.Tenant!.Id);
        Assert.Equal("7a1b2c3d-0000-4000-8000-00000000a11e", activity.GetTenantId());
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("clientInfo", Assert.Single(activity.Entities!).Type);
    }

    [Fact]
    public void UnknownFields_RoundTripUnchanged()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, BotJson.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;
        var original = JsonNode.Parse(TeamsMessage)!;

        Assert.True(JsonNode.DeepEquals(original["someUnknownField"], written["someUnknownField"]));
        Assert.Equal("high", written["importance"]!.GetValue<string>());
        Assert.Equal("user", written["from"]!["userRole"]!.GetValue<string>());
        Assert.Equal(1, written["conversation"]!["futureField"]!.GetValue<int>());
        Assert.Equal("Europe/Amsterdam", written["entities"]![0]!["timezone"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(original["channelData"]!["settings"], written["channelData"]!["settings"]));
    }

    [Fact]
    public void TextWithoutMentions_RemovesAtMentionsAndCollapsesWhitespace()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, BotJson.Options)!;

        Assert.Equal("mag ik foto's delen?", activity.GetTextWithoutMentions());
        Assert.Equal(string.Empty, new Activity().GetTextWithoutMentions());
    }

    [Fact]
    public void CreateReply_SwapsSenderAndRecipientAndKeepsTheConversation()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, BotJson.Options)!;

        var reply = activity.CreateReply("antwoord");

        Assert.Equal("28:3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b", reply.From!.Id);
        Assert.Equal("29:1abc", reply.Recipient!.Id);
        Assert.Equal("a:1xyz", reply.Conversation!.Id);
        Assert.Equal("1700000000000", reply.ReplyToId);
        Assert.Equal(activity.ServiceUrl, reply.ServiceUrl);
    }

    [Fact]
    public void ConversationReference_KeepsWhatAProactiveMessageNeeds()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, BotJson.Options)!;

        var reference = activity.GetConversationReference();

        Assert.Equal("a:1xyz", reference.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal("28:3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b", reference.Bot!.Id);
        Assert.Equal("29:1abc", reference.User!.Id);
    }

    [Fact]
    public void Serialization_OmitsNullsAndUsesCamelCase()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", ReplyToId = "1" }, BotJson.Options);

        Assert.Equal("""{"type":"message","replyToId":"1"}""", json);
    }

    [Fact]
    public void AdaptiveCardInvokeResponse_HasTheUniversalActionsShape()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Error(400, "BadRequest", "nope"), BotJson.Options))!;

        Assert.Equal(400, json["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", json["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", json["value"]!["code"]!.GetValue<string>());
        Assert.Equal("nope", json["value"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void ChannelDataText_IsWrittenWhereChannelDataWasAndReadsBackAsTheSameNode()
    {
        var json = """{"privacyAssistant":{"entryId":"a\u0022b","decision":"answer"},"n":[1,true,null]}""";
        var asNode = new Activity { Type = ActivityTypes.Message, Text = "x", ChannelData = JsonNode.Parse(json), ReplyToId = "1" };
        var asText = new Activity { Type = ActivityTypes.Message, Text = "x", ChannelDataText = new Utf8Text(json), ReplyToId = "1" };

        Assert.Equal(JsonSerializer.Serialize(asNode, BotJson.Options), JsonSerializer.Serialize(asText, BotJson.Options));
        Assert.Equal("a\"b", asText.ChannelData!["privacyAssistant"]!["entryId"]!.GetValue<string>());
        Assert.Null(asText.ChannelDataText);
    }

    [Theory]
    [InlineData("""{"channelData":"\ud800"}""")]
    [InlineData("""{"channelData":{"tenant":{"id":"t"}},"x":1}""")]
    [InlineData("""{"channelData":[1,"\u00e9",{"A":null}]}""")]
    [InlineData("""{"channelData":null}""")]
    public void ChannelData_IsReadAsAJsonNodePropertyIs(string body)
    {
        // The reference: the same field read by the serialiser's own JsonNode converter.
        JsonException? expectedError = null;
        string? expected = null;
        try
        {
            expected = JsonSerializer.Deserialize<NodeHolder>(body, BotJson.Options)!.ChannelData?.ToJsonString();
        }
        catch (JsonException ex)
        {
            expectedError = ex;
        }

        if (expectedError is not null)
        {
            var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Activity>(body, BotJson.Options));
            Assert.Equal(expectedError.Path, error.Path);
        }
        else
        {
            Assert.Equal(expected, JsonSerializer.Deserialize<Activity>(body, BotJson.Options)!.ChannelData?.ToJsonString());
        }
    }

    private sealed class NodeHolder
    {
        public JsonNode? ChannelData { get; set; }
    }

    private sealed class Utf8Text(string json) : IUtf8JsonText
    {
        private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes(json);

        public int Length => _bytes.Length;

        public void CopyTo(Span<byte> destination) => _bytes.CopyTo(destination);
    }
}
