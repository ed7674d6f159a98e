using System.Text.Json.Nodes;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Testing.AzureOpenAI;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

public sealed class EntryEmbeddingsTests
{
    [Fact]
    public async Task EnsureAsync_SecondStartWithTheCache_EmbedsNothing_AndAnEditedEntryOnlyItself()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        using var cache = new TemporaryFolder();
        using var folder = TestKnowledge.CopyOfFixture();
        var entries = TestKnowledge.Fixture.Knowledge.Entries.Count;

        await using (var first = await AssistantHarness.StartAsync(server: server, cacheFolder: cache))
        {
            await first.WarmAsync();
            Assert.Equal(entries * 2, first.Embeddings.LastComputed);
            Assert.True(File.Exists(first.CachePath));
        }

        var sentBefore = server.Requests.Count;
        await using (var second = await AssistantHarness.StartAsync(server: server, cacheFolder: cache))
        {
            await second.WarmAsync();
            Assert.Equal(0, second.Embeddings.LastComputed);
            Assert.Equal(sentBefore, server.Requests.Count);
        }

        folder.Edit("bewaartermijnen", text => text.Replace("# English", "Bewaar niets langer dan nodig.\n\n# English", StringComparison.Ordinal));
        using var edited = KnowledgeEngine.Create(folder.Path, new SchoolOptions(), new KnowledgeOptions());
        await using (var third = await AssistantHarness.StartAsync(server: server, cacheFolder: cache, engine: edited))
        {
            await third.WarmAsync();
            Assert.Equal(1, third.Embeddings.LastComputed);
            var request = Assert.Single(server.Requests.Skip(sentBefore));
            var input = Assert.Single(JsonNode.Parse(request.Body)!["input"]!.AsArray());
            Assert.Contains("Bewaar niets langer dan nodig.", input!.GetValue<string>());
        }
    }

    [Fact]
    public async Task EnsureAsync_ServiceDown_IsNotReadyAndRetriesOnlyAfterTheBreak()
    {
        await using var harness = await AssistantHarness.StartAsync();
        harness.Server.FailNext(1, System.Net.HttpStatusCode.InternalServerError);

        Assert.False(await harness.Embeddings.EnsureAsync(CancellationToken.None));
        Assert.False(await harness.Embeddings.EnsureAsync(CancellationToken.None));
        Assert.Equal(1, harness.Server.Received);

        harness.Time.Advance(harness.Options.CircuitBreaker.BreakDuration);
        Assert.True(await harness.Embeddings.EnsureAsync(CancellationToken.None));
        Assert.True(harness.Embeddings.IsReady);
    }
}
