using System.Net;
using System.Text.Json.Nodes;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.AzureOpenAI;
using PrivacyAssistant.Testing.AzureOpenAI;
using PrivacyAssistant.Testing.Graph;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

/// <summary>The assistant through the real Azure OpenAI SDK against a loopback fake of the service.</summary>
public sealed class HybridKnowledgeAssistantTests
{
    private const string PhotoQuestion = "Mag ik foto's van de klas op de website zetten?";

    [Fact]
    public async Task AskAsync_WithServiceAnswering_ReturnsGeneratedTextCitingTheEntry()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();

        var result = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);

        Assert.Equal(AnswerDecision.Answer, result.Answer.Decision);
        Assert.Equal("beeldmateriaal", result.Answer.Entry?.Id);
        Assert.Equal("hybrid", result.Retrieval);
        Assert.Null(result.Fallback);
        Assert.NotNull(result.Generated);
        Assert.StartsWith("Kort gezegd: ", result.Generated.Markdown);
        Assert.Equal(["beeldmateriaal"], result.Generated.Sources.Select(s => s.Id));

        // The wire: deployment paths, api-version, the key header; entries embedded at warm-up, then the question, then one chat call.
        Assert.All(harness.Server.Requests, r => Assert.Equal("api-key", r.Authentication));
        Assert.All(harness.Server.Requests, r => Assert.False(string.IsNullOrEmpty(r.ApiVersion)));
        var embeddings = harness.Requests("embeddings");
        Assert.All(embeddings, r => Assert.Equal(FakeAzureOpenAIServer.EmbeddingsDeployment, r.Deployment));
        Assert.Equal(TestKnowledge.Fixture.Knowledge.Entries.Count * 2 + 1, embeddings.Sum(r => InputCount(r.Body)));
        var chat = Assert.Single(harness.Requests("chat/completions"));
        Assert.Equal(FakeAzureOpenAIServer.ChatDeployment, chat.Deployment);
        var user = JsonNode.Parse(FakeAzureOpenAIServer.UserMessage(JsonNode.Parse(chat.Body)!.AsObject()))!;
        Assert.Equal("beeldmateriaal", user["entries"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("nl", user["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task AskAsync_WithEntraId_SendsABearerTokenInsteadOfAKey()
    {
        var credential = new FakeTokenCredential();
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.AcceptedBearerToken = FakeTokenCredential.Token;
        await using var harness = await AssistantHarness.StartAsync(
            new() { ["AzureOpenAI:Authentication"] = "EntraId", ["AzureOpenAI:ApiKey"] = "" },
            credential,
            server);
        await harness.WarmAsync();

        var result = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);

        Assert.NotNull(result.Generated);
        Assert.All(server.Requests, r => Assert.Equal("bearer", r.Authentication));
        Assert.Contains(credential.RequestedScopes, scopes => scopes.Contains("https://cognitiveservices.azure.com/.default"));
    }

    [Fact]
    public async Task AskAsync_WithSlowService_AnswersLexicallyWhenTheCallTimeoutPasses()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        var lexical = TestKnowledge.Fixture.Answerer.Ask(PhotoQuestion);
        harness.Server.Hold();
        var before = harness.Server.Received;

        var pending = harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);
        await harness.Server.WaitForRequestsAsync(before + 1);
        Assert.False(pending.IsCompleted);
        harness.Time.Advance(harness.Options.CallTimeout);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("timeout", result.Fallback);
        Assert.Equal("lexical", result.Retrieval);
        Assert.Null(result.Generated);
        Assert.Equal(lexical.Decision, result.Answer.Decision);
        Assert.Equal(lexical.Entry?.Id, result.Answer.Entry?.Id);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task AskAsync_WhenServiceFails_FallsBackAndTheCircuitOpensThenClosesAfterTheBreak(HttpStatusCode status)
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        var failures = harness.Options.CircuitBreaker.FailuresToOpen;
        harness.Server.FailNext(failures, status);

        for (var i = 0; i < failures; i++)
        {
            var failed = await harness.Assistant.AskAsync(PhotoQuestion, null, $"user-{i}", CancellationToken.None);
            Assert.Equal("service-error", failed.Fallback);
            Assert.Equal("beeldmateriaal", failed.Answer.Entry?.Id);
            Assert.Null(failed.Generated);
        }

        Assert.Equal(CircuitState.Open, harness.Guard.Circuit.State);
        var sent = harness.Server.Received;
        var whileOpen = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-x", CancellationToken.None);
        Assert.Equal("circuit-open", whileOpen.Fallback);
        Assert.Equal("beeldmateriaal", whileOpen.Answer.Entry?.Id);
        Assert.Equal(sent, harness.Server.Received);

        harness.Time.Advance(harness.Options.CircuitBreaker.BreakDuration);
        Assert.Equal(CircuitState.HalfOpen, harness.Guard.Circuit.State);
        var afterBreak = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-y", CancellationToken.None);

        Assert.Null(afterBreak.Fallback);
        Assert.NotNull(afterBreak.Generated);
        Assert.Equal(CircuitState.Closed, harness.Guard.Circuit.State);
    }

    [Fact]
    public async Task AskAsync_WhenReplyCitesAnUnknownEntry_ShowsThePlainEntryAnswer()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        harness.Server.ChatReply = _ => """{"inKnowledgeBase": true, "answer": "Ja hoor, altijd toegestaan.", "citations": ["fotobeleid-2019"]}""";

        var result = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);

        Assert.Equal("unknown-citation", result.Fallback);
        Assert.Null(result.Generated);
        Assert.Equal(AnswerDecision.Answer, result.Answer.Decision);
        Assert.Equal("beeldmateriaal", result.Answer.Entry?.Id);
    }

    [Fact]
    public async Task AskAsync_WhenModelSaysItIsNotInTheKnowledgeBase_ShowsThePlainEntryAnswer()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        harness.Server.ChatReply = _ => """{"inKnowledgeBase": false, "answer": "", "citations": []}""";

        var result = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);

        Assert.Equal("not-in-knowledge-base", result.Fallback);
        Assert.Null(result.Generated);
        Assert.Equal("beeldmateriaal", result.Answer.Entry?.Id);
    }

    [Fact]
    public async Task AskAsync_WhenReplyInventsALink_ShowsThePlainEntryAnswer()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        harness.Server.ChatReply = _ => """{"inKnowledgeBase": true, "answer": "Zie https://example.org/fotoregels.", "citations": ["beeldmateriaal"]}""";

        var result = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);

        Assert.Equal("unknown-link", result.Fallback);
        Assert.Null(result.Generated);
    }

    [Fact]
    public async Task AskAsync_PersonalDataInTheQuestion_NeverReachesTheService()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        string[] personal = ["Daan", "Jansen", "Fatima", "daan.jansen@leerling.example.nl", "06-12345678", "0612345678", "123456782", "1234.56.782", "20231456", "14-03-2011", "14 maart 2011"];
        harness.Server.ChatReply = request =>
        {
            var user = JsonNode.Parse(FakeAzureOpenAIServer.UserMessage(request))!;
            return new JsonObject
            {
                ["inKnowledgeBase"] = true,
                ["answer"] = "Voor de foto van [NAAM-1] is toestemming nodig.",
                ["citations"] = new JsonArray(user["entries"]![0]!["id"]!.GetValue<string>()),
            }.ToJsonString();
        };
        var before = harness.Server.Requests.Count;

        var answered = await harness.Assistant.AskAsync("Mag ik de foto van Daan Jansen op de website zetten? Mail daan.jansen@leerling.example.nl", null, "user-1", CancellationToken.None);
        var story = await harness.Assistant.AskAsync(
            "Fatima belde over Daan Jansen (BSN 1234.56.782, leerlingnummer 20231456, geboren 14-03-2011 of 14 maart 2011, tel 06-12345678 of 0612345678, bsn 123456782). Wat mag ik doorgeven?",
            null,
            "user-2",
            CancellationToken.None);

        var sent = harness.Server.Requests.Skip(before).ToList();
        Assert.Equal(["embeddings", "chat/completions", "embeddings"], sent.Select(r => r.Operation));
        foreach (var request in sent)
        {
            foreach (var value in personal)
            {
                Assert.DoesNotContain(value, request.Body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(value, request.DecodedBody, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Contains("[NAAM-1]", sent[0].DecodedBody);
        Assert.Contains("[E-MAIL-1]", sent[1].DecodedBody);
        Assert.Contains("[LEERLINGNUMMER-1]", sent[2].DecodedBody);
        Assert.Contains("[DATUM-2]", sent[2].DecodedBody);
        // Shown to the asker only: the placeholder is filled in again locally.
        Assert.Equal("Voor de foto van Daan Jansen is toestemming nodig.", answered.Generated?.Markdown);
        Assert.Null(story.Generated);
    }

    [Fact]
    public async Task AskAsync_BreachReport_SendsNothingAndKeepsTheBreachDecision()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();
        var before = harness.Server.Received;

        var result = await harness.Assistant.AskAsync("help, mijn laptop is gestolen, er stonden cijfers van 3B op", null, "user-1", CancellationToken.None);

        Assert.Equal(AnswerDecision.Breach, result.Answer.Decision);
        Assert.Null(result.Generated);
        Assert.Equal(before, harness.Server.Received);
    }

    [Fact]
    public async Task AskAsync_OffTopicQuestion_StaysNoneAndGetsNoGeneratedText()
    {
        await using var harness = await (await AssistantHarness.StartAsync()).WarmAsync();

        var result = await harness.Assistant.AskAsync("hoe laat begint de kerstviering?", null, "user-1", CancellationToken.None);

        Assert.Equal(AnswerDecision.None, result.Answer.Decision);
        Assert.Null(result.Generated);
        Assert.Empty(harness.Requests("chat/completions"));
    }

    [Fact]
    public async Task AskAsync_OverTheUserRateLimit_AnswersLexicallyWhileOthersStillGetTheService()
    {
        await using var harness = await (await AssistantHarness.StartAsync(new() { ["AzureOpenAI:RateLimits:PerUserPerMinute"] = "2" })).WarmAsync();

        var first = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);
        var second = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);
        var third = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);
        var other = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-2", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var nextMinute = await harness.Assistant.AskAsync(PhotoQuestion, null, "user-1", CancellationToken.None);

        Assert.NotNull(first.Generated);
        Assert.NotNull(second.Generated);
        Assert.Equal("rate-limited", third.Fallback);
        Assert.Equal("beeldmateriaal", third.Answer.Entry?.Id);
        Assert.NotNull(other.Generated);
        Assert.NotNull(nextMinute.Generated);
    }

    [Fact]
    public async Task AskAsync_BeforeEntryVectorsAreLoaded_AnswersLexicallyWithoutWaiting()
    {
        await using var harness = await AssistantHarness.StartAsync();
        harness.Server.Hold();

        var result = await harness.Assistant.AskAsync("hoe laat begint de kerstviering?", null, "user-1", CancellationToken.None);

        Assert.Equal(AnswerDecision.None, result.Answer.Decision);
        Assert.Equal("embeddings-not-ready", result.Fallback);
        harness.Server.Release();
    }

    private static int InputCount(string body) => JsonNode.Parse(body)!["input"] switch
    {
        JsonArray array => array.Count,
        _ => 1,
    };
}
