using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;

namespace PrivacyAssistant.BotFramework.Tests.Hosting;

/// <summary>Turns through the endpoint in local mode: routing, reply delivery, invoke response shapes.</summary>
public sealed class MessagesEndpointTurnTests : IAsyncLifetime
{
    private TestEndpointHost _host = null!;
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _host = await TestEndpointHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Message_IsAnsweredThroughTheConnector_AtTheReplyUrlWithAddressedBody()
    {
        var activity = TestActivities.Message("hallo", _connector.ServiceUrl);
        activity["conversation"]!["id"] = "19:abc@thread.tacv2;messageid=42";

        using var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var request = Assert.Single(await _connector.WaitForRequestsAsync(1));
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D42/activities/{activity["id"]}", request.RawTarget);
        Assert.Null(request.Authorization);
        var body = request.Body!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("echo: hallo", body["text"]!.GetValue<string>());
        Assert.Equal(TestActivities.BotId, body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TestActivities.UserId, body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("19:abc@thread.tacv2;messageid=42", body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), body["replyToId"]!.GetValue<string>());
        Assert.Equal("msteams", body["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Message_WithExpectReplies_ReturnsTheRepliesInTheBodyAndSendsNothing()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Message("hallo", _connector.ServiceUrl).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var reply = Assert.Single(body["activities"]!.AsArray())!;
        Assert.Equal("echo: hallo", reply["text"]!.GetValue<string>());
        Assert.Equal(TestActivities.UserId, reply["recipient"]!["id"]!.GetValue<string>());
        await Task.Delay(100);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Message_GoesToTheFirstMatchingHandlerByOrder()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Message("first things", null).ExpectingReplies());

        Assert.Equal(["first"], _host.Log.Entries);
        Assert.Equal("from first", await FirstReplyTextAsync(response));
    }

    [Fact]
    public async Task UnknownActivityTypes_AreAcknowledgedWith200()
    {
        var activity = TestActivities.Message(null, _connector.ServiceUrl);
        activity["type"] = "somethingNew";

        using var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Log.Entries);
    }

    [Fact]
    public async Task InstallationUpdate_GoesToItsActivityHandler()
    {
        var activity = TestActivities.Message(null, _connector.ServiceUrl);
        activity["type"] = "installationUpdate";
        activity["action"] = "add";

        using var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["installation:add"], _host.Log.Entries);
    }

    [Fact]
    public async Task MembersAdded_LeavesTheBotOutOfTheMembersAndFlagsIt()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.MembersAdded(_connector.ServiceUrl, TestActivities.UserId, TestActivities.BotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"added:{TestActivities.UserId}:bot=True"], _host.Log.Entries);
    }

    [Fact]
    public async Task ActionExecute_WithCardResult_ReturnsInvokeResponseWithTheReplacementCard()
    {
        var activity = TestActivities.Execute("test.card", new JsonObject { ["name"] = "Jan" }, "card-activity-1", _connector.ServiceUrl);

        using var response = await _host.Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Equal("name=Jan", body["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(["card:test.card:Execute:{\"name\":\"Jan\"}"], _host.Log.Entries);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task ActionExecute_WithMessageResult_ReturnsMessageInvokeResponse()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Execute("test.message", null, "card-1", _connector.ServiceUrl));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("done", body["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("test.error", 400, "bad input")]
    [InlineData("no.such.verb", 400, null)]
    [InlineData("test.throw", 500, null)]
    public async Task ActionExecute_ThatFails_ReturnsErrorInvokeResponse(string verb, int statusCode, string? message)
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Execute(verb, null, "card-1", _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(statusCode, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.NotNull(body["value"]!["code"]);
        if (message is not null)
        {
            Assert.Equal(message, body["value"]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ActionExecute_WithoutVerb_ReturnsBadRequestInvokeResponse()
    {
        var activity = TestActivities.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute" } }, _connector.ServiceUrl);

        using var response = await _host.Client.PostActivityAsync(activity);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Empty(_host.Log.Entries);
    }

    [Fact]
    public async Task ActionExecute_WithPrefixVerb_ReachesThePrefixHandler()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Execute("test.prefix.anything", null, "card-1", _connector.ServiceUrl));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("test.prefix.anything", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownInvoke_Returns501()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Invoke("composeExtension/query", new JsonObject(), _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_host.Log.Entries);
    }

    [Fact]
    public async Task InvokeByName_ReturnsTheHandlersResponse()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Invoke("test/ping", null, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["pong"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invoke_IgnoresExpectRepliesAndAnswersWithTheInvokeResponse()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Execute("test.message", null, "card-1", _connector.ServiceUrl).ExpectingReplies());

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("done", body["value"]!.GetValue<string>());
        Assert.Null(body["activities"]);
    }

    [Fact]
    public async Task ActionSubmit_WithCardResult_UpdatesTheOriginalCardInPlace()
    {
        var submit = TestActivities.Submit(new JsonObject { ["verb"] = "test.card", ["name"] = "Jan" }, "card-activity-7", _connector.ServiceUrl);

        using var response = await _host.Client.PostActivityAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["card:test.card:Submit:{\"name\":\"Jan\"}"], _host.Log.Entries);
        var update = Assert.Single(await _connector.WaitForRequestsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(TestActivities.ConversationId)}/activities/card-activity-7", update.RawTarget);
        Assert.Equal("card-activity-7", update.Body!["id"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", update.Body["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal("name=Jan", update.FirstAttachmentContent!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ActionSubmit_WhenTheCardCannotBeUpdated_SendsTheCardAsNewMessage()
    {
        _connector.Enqueue(HttpStatusCode.NotFound, errorCode: "ActivityNotFoundInConversation");
        var submit = TestActivities.Submit(new JsonObject { ["verb"] = "test.card", ["name"] = "Jan" }, "gone", _connector.ServiceUrl);

        using var response = await _host.Client.PostActivityAsync(submit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = await _connector.WaitForRequestsAsync(2);
        Assert.Equal(["PUT", "POST"], requests.Select(r => r.Method));
        Assert.Equal("name=Jan", requests[1].FirstAttachmentContent!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ActionSubmit_WithoutReplyToId_SendsTheCardAsNewMessage()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Submit(new JsonObject { ["verb"] = "test.card" }, null, _connector.ServiceUrl));

        var request = Assert.Single(await _connector.WaitForRequestsAsync(1));
        Assert.Equal("POST", request.Method);
        Assert.NotNull(request.FirstAttachmentContent);
    }

    [Fact]
    public async Task ActionSubmit_WithMessageResult_SendsTheMessage()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Submit(new JsonObject { ["verb"] = "test.message" }, "card-1", null).ExpectingReplies());

        Assert.Equal("done", await FirstReplyTextAsync(response));
    }

    [Fact]
    public async Task ActionSubmit_WithUnknownVerb_GoesToTheMessageHandlers()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Submit(new JsonObject { ["verb"] = "no.such.verb" }, "card-1", null).ExpectingReplies());

        Assert.Equal(["echo"], _host.Log.Entries);
    }

    [Fact]
    public async Task FailingHandler_Returns500AfterTheErrorHandlerApologises()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Message("crash", _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(["error:InvalidOperationException"], _host.Log.Entries);
        var apology = Assert.Single(await _connector.WaitForRequestsAsync(1));
        Assert.Equal("sorry", apology.Text);
    }

    [Fact]
    public async Task FailingHandler_WithExpectReplies_ReturnsTheApology()
    {
        using var response = await _host.Client.PostActivityAsync(TestActivities.Message("crash", null).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sorry", await FirstReplyTextAsync(response));
    }

    [Fact]
    public async Task ConnectorFailure_DuringTheTurn_Returns500AndTheHostKeepsServing()
    {
        _connector.Enqueue(HttpStatusCode.Forbidden, times: 2, errorCode: "MessageWritesBlocked");

        using var failed = await _host.Client.PostActivityAsync(TestActivities.Message("hallo", _connector.ServiceUrl));
        using var next = await _host.Client.PostActivityAsync(TestActivities.Message("again", _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private static async Task<string?> FirstReplyTextAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["activities"]?[0]?["text"]?.GetValue<string>();
    }

    [Fact]
    public async Task ManyTurnsAtOnce_EachGetTheirOwnReplies_WithTheirLength()
    {
        // Replies are serialised into a buffer kept per thread: turns of different sizes at once must not mix.
        var texts = Enumerable.Range(0, 64).Select(i => $"turn {i} " + new string((char)('a' + (i % 26)), i * 97)).ToList();

        var answers = await Task.WhenAll(texts.Select(async text =>
        {
            using var response = await _host.Client.PostActivityAsync(TestActivities.Message(text, _connector.ServiceUrl).ExpectingReplies());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            return JsonNode.Parse(bytes)!["activities"]![0]!["text"]!.GetValue<string>();
        }));

        Assert.Equal(texts.Select(t => $"echo: {t}"), answers);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20_000)]
    public async Task BodyArrivingInPieces_IsReadWhole(int textLength)
    {
        var text = "stukjes " + new string('x', textLength);
        var body = Encoding.UTF8.GetBytes(TestActivities.Message(text, _connector.ServiceUrl).ExpectingReplies().ToJsonString());
        using var content = new TrickleContent(body, piece: 7);
        content.Headers.ContentType = new("application/json");

        using var response = await _host.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"echo: {text}", await FirstReplyTextAsync(response));
    }

    /// <summary>A body written a few bytes at a time, each piece flushed, without a Content-Length.</summary>
    private sealed class TrickleContent(byte[] body, int piece) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var at = 0; at < body.Length; at += piece)
            {
                await stream.WriteAsync(body.AsMemory(at, Math.Min(piece, body.Length - at)));
                await stream.FlushAsync();
                if (at % (piece * 64) == 0)
                {
                    await Task.Yield();
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
