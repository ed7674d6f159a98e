using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Bot.Tests.Support;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;

namespace PrivacyAssistant.Bot.Tests.Hosting;

/// <summary>
/// A staff member's question through <c>POST /api/messages</c> of the host as Program.cs wires it
/// (real knowledge folder, SQLite in a temporary folder), and the answer card's buttons.
/// </summary>
public sealed class KnowledgeEndpointTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pa-bot-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task DutchQuestion_ThroughApiMessages_IsAnsweredWithTheEntrysCard()
    {
        await using var factory = CreateFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("hoe lang mogen we leerlinggegevens bewaren", null).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!;
        Assert.Equal("bewaartermijnen", reply["channelData"]!["privacyAssistant"]!["entryId"]!.GetValue<string>());
        Assert.Equal("answer", reply["channelData"]!["privacyAssistant"]!["decision"]!.GetValue<string>());
        var attachment = reply["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", attachment["content"]!["version"]!.GetValue<string>());
        Assert.Equal("Hoe lang mag de school gegevens van leerlingen bewaren?", attachment["content"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Hoe lang mag de school gegevens van leerlingen bewaren?", reply["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task FeedbackAndEscalation_ThroughApiMessages_AreStored()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var factory = CreateFactory();
        using var client = factory.CreateClient();

        using var vote = await client.PostActivityAsync(TestActivities.Execute(
            "faq.feedback", new JsonObject { ["entryId"] = "bewaartermijnen", ["helpful"] = true }, "answer-card", connector.ServiceUrl));
        using var escalate = await client.PostActivityAsync(TestActivities.Execute(
            "faq.escalate", new JsonObject { ["question"] = "hoe laat begint de kerstviering", ["bestEntryId"] = "", ["consent"] = "true", ["contact"] = "false" }, "none-card", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        Assert.Equal("application/vnd.microsoft.card.adaptive", JsonNode.Parse(await vote.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
        Assert.Contains("VR-", await escalate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var summary = await factory.Services.GetRequiredService<IKnowledgeFeedbackStore>().SummarizeAsync(DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(("bewaartermijnen", 1L, 0L), Assert.Single(summary.Votes));
        Assert.Equal("hoe laat begint de kerstviering", Assert.Single(summary.OpenEscalations).Question);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private BotApplicationFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = Path.Combine(directory, "bot.db"),
    });
}
