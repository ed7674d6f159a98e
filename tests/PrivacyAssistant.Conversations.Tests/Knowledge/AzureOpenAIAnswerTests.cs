using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Knowledge.AzureOpenAI;
using PrivacyAssistant.Testing.AzureOpenAI;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;
using static PrivacyAssistant.Conversations.Tests.Support.KnowledgeBot;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

/// <summary>The answer card when Azure OpenAI is configured: the real SDK against the loopback fake of the service.</summary>
public sealed class AzureOpenAIAnswerTests
{
    private const string Question = "mag ik een foto van de klas op instagram zetten";

    [Fact]
    public async Task Answer_WithGeneratedText_SaysItWasGeneratedAndLinksTheSourceEntries()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        await using var bot = await StartAsync(server);

        var reply = await bot.AskAsync(Question);

        Assert.Equal(("beeldmateriaal", "answer"), Metadata(reply));
        var data = reply["channelData"]!["privacyAssistant"]!;
        Assert.True(data["generated"]!.GetValue<bool>());
        Assert.Equal("hybrid", data["retrieval"]!.GetValue<string>());
        Assert.Equal(["beeldmateriaal"], data["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
        var card = Card(reply);
        KnowledgeQuestionHandlerTests.AssertValid(card);
        Assert.StartsWith("Kort gezegd: ", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("automatisch samengevat met Azure OpenAI", AllText(card), StringComparison.Ordinal);
        var source = Assert.Single(Actions(card), a => a.Title.StartsWith("Lees de bron:", StringComparison.Ordinal));
        Assert.Equal("faq.show", source.Verb);
        Assert.Equal("beeldmateriaal", source.Data["entryId"]!.GetValue<string>());
        Assert.All(Actions(card).Where(a => a.Verb == "faq.feedback"), a => Assert.Equal("beeldmateriaal", a.Data["entryId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Answer_WhenTheReplyCitesAnUnknownEntry_ShowsTheEntryAsWrittenWithoutTheGeneratedNote()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        server.ChatReply = _ => new JsonObject { ["inKnowledgeBase"] = true, ["answer"] = "Altijd toegestaan.", ["citations"] = new JsonArray("bestaat-niet") }.ToJsonString();
        await using var bot = await StartAsync(server);

        var reply = await bot.AskAsync(Question);

        Assert.Equal(("beeldmateriaal", "answer"), Metadata(reply));
        Assert.False(reply["channelData"]!["privacyAssistant"]!["generated"]!.GetValue<bool>());
        Assert.Equal("unknown-citation", reply["channelData"]!["privacyAssistant"]!["fallback"]!.GetValue<string>());
        var card = Card(reply);
        KnowledgeQuestionHandlerTests.AssertValid(card);
        Assert.DoesNotContain("Altijd toegestaan", AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Azure OpenAI", AllText(card), StringComparison.Ordinal);
        Assert.Contains("Nee, niet zonder toestemming", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<KnowledgeBot> StartAsync(FakeAzureOpenAIServer server)
    {
        var cache = Path.Combine(Path.GetTempPath(), $"pa-embeddings-{Guid.NewGuid():N}.json");
        var bot = await KnowledgeBot.CreateAsync(
            services => services.AddKnowledgeAssistant(),
            new Dictionary<string, string?>
            {
                ["AzureOpenAI:Endpoint"] = server.Endpoint,
                ["AzureOpenAI:ChatDeployment"] = FakeAzureOpenAIServer.ChatDeployment,
                ["AzureOpenAI:EmbeddingsDeployment"] = FakeAzureOpenAIServer.EmbeddingsDeployment,
                ["AzureOpenAI:ApiKey"] = FakeAzureOpenAIServer.ApiKey,
                ["AzureOpenAI:EmbeddingCachePath"] = cache,
                // These tests are about the card built from a generated answer, not about the 3 s default: on a loaded CI
                // machine the SDK's first calls (cold JIT, parallel test classes) once took longer and the answer fell back
                // to the lexical card. The timeout itself is tested with fake time (HybridKnowledgeAssistantTests).
                ["AzureOpenAI:CallTimeout"] = "00:00:30",
                ["AzureOpenAI:QuestionBudget"] = "00:00:30",
            });
        // What the host's start-up does in the background.
        Assert.True(await bot.Bot.Services.GetRequiredService<EntryEmbeddings>().EnsureAsync(CancellationToken.None));
        return bot;
    }
}
