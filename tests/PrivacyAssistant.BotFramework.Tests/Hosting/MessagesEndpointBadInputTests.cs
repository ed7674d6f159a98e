using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Tests.Support;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.BotFramework.Tests.Hosting;

public sealed class MessagesEndpointBadInputTests : IAsyncLifetime
{
    private TestEndpointHost _host = null!;

    public async Task InitializeAsync() => _host = await TestEndpointHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Valid(Action<JsonObject>? change = null)
    {
        var activity = TestActivities.Message("hallo", serviceUrl: null).ExpectingReplies();
        change?.Invoke(activity);
        return activity.ToJsonString();
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "not JSON", "this is not json" },
        { "truncated JSON", "{\"type\":\"message\",\"channelId\":" },
        { "a JSON array", "[{\"type\":\"message\"}]" },
        { "a JSON string", "\"message\"" },
        { "JSON null", "null" },
        { "empty body", "" },
        { "missing type", Valid(a => a.Remove("type")) },
        { "empty type", Valid(a => a["type"] = "  ") },
        { "missing channelId", Valid(a => a.Remove("channelId")) },
        { "missing conversation", Valid(a => a.Remove("conversation")) },
        { "missing serviceUrl without expectReplies", Valid(a => a.Remove("deliveryMode")) },
        { "serviceUrl not a URL", Valid(a => a["serviceUrl"] = "not a url") },
        { "serviceUrl with another scheme", Valid(a => a["serviceUrl"] = "file:///etc/passwd") },
        { "type is a number", Valid(a => a["type"] = 42) },
        { "text is a number", Valid(a => a["text"] = 5) },
        { "conversation.id with control characters", Valid(a => a["conversation"]!["id"] = "a:1\u0000\u001b[31m") },
        { "conversation.id longer than any channel's", Valid(a => a["conversation"]!["id"] = new string('a', 1025)) },
        { "activity id longer than any channel's", Valid(a => a["id"] = new string('1', 64 * 1024)) },
        { "replyToId with a line break", Valid(a => a["replyToId"] = "1\r\nX-Injected: yes") },
        { "from is a string", Valid(a => a["from"] = "user") },
        { "conversation is an array", Valid(a => a["conversation"] = new JsonArray()) },
        { "membersAdded is an object", Valid(a => a["membersAdded"] = new JsonObject()) },
        { "timestamp is not a date", Valid(a => a["timestamp"] = "yesterday") },
        { "isGroup is a string", Valid(a => a["conversation"]!["isGroup"] = "yes") },
        { "attachments is a string", Valid(a => a["attachments"] = "card") },
        { "deeply nested value", Valid(a => a["value"] = Nested(200)) },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task PostMessages_WithMalformedBody_Returns400AndKeepsServing(string why, string body)
    {
        using var response = await _host.Client.PostRawAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: got {(int)response.StatusCode}");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("BadArgument", error["error"]!["code"]!.GetValue<string>());
        Assert.Empty(_host.Log.Entries);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task PostMessages_WithInvalidUtf8_Returns400()
    {
        using var content = new ByteArrayContent([0x7B, 0x22, 0x74, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task PostMessages_With10MegabyteBody_Returns413AndKeepsServing()
    {
        var huge = Valid(a => a["text"] = new string('x', 10 * 1024 * 1024));

        using var response = await _host.Client.PostRawAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Log.Entries);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task PostMessages_WithOversizedBodyWithoutContentLength_Returns413()
    {
        var huge = Encoding.UTF8.GetBytes(Valid(a => a["text"] = new string('x', 2 * 1024 * 1024)));
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Log.Entries);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task PostMessages_WithNonJsonContentType_Returns415()
    {
        using var response = await _host.Client.PostRawAsync(Valid(), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(_host.Log.Entries);
    }

    [Fact]
    public async Task PostMessages_WithOddOrMissingLocale_IsAccepted()
    {
        foreach (var locale in new JsonNode?[] { null, "", "x", "klingon-KL", "EN", "nl_NL" })
        {
            using var response = await _host.Client.PostRawAsync(Valid(a => a["locale"] = locale?.DeepClone()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task HeadMessages_ForProbes_Returns200()
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetMessages_Returns405()
    {
        using var response = await _host.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task AssertStillServesAsync()
    {
        using var response = await _host.Client.PostRawAsync(Valid(a => a["text"] = "still there?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!;
        Assert.Equal("echo: still there?", reply["text"]!.GetValue<string>());
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }
}
