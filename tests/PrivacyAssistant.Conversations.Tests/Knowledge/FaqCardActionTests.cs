using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;
using static PrivacyAssistant.Conversations.Tests.Knowledge.KnowledgeQuestionHandlerTests;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;
using static PrivacyAssistant.Conversations.Tests.Support.KnowledgeBot;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

/// <summary>The buttons on the knowledge cards: related questions, 👍/👎, escalation, breach report.</summary>
public sealed class FaqCardActionTests
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task Feedback_ByActionExecute_IsStoredWithoutIdentity_AndThanksInTheCard()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var answer = Card(await bot.AskAsync("mag ik een foto van de klas op instagram zetten"));
        var thumbsDown = Assert.Single(Actions(answer), a => a.Verb == "faq.feedback" && !a.Data["helpful"]!.GetValue<bool>());

        var card = await bot.ExecuteAsync("faq.feedback", thumbsDown.Data);

        AssertValid(card);
        Assert.Contains("Bedankt voor je feedback", AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain(Actions(card), a => a.Verb == "faq.feedback");
        var summary = await bot.Feedback.SummarizeAsync(Yesterday);
        Assert.Equal(("beeldmateriaal", 0L, 1L), Assert.Single(summary.Votes));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = System.Text.Encoding.UTF8.GetString(await ReadDatabaseAsync(bot.DatabasePath));
        Assert.DoesNotContain(TestActivities.UserAadObjectId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TestActivities.UserId, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TestActivities.ConversationId, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_ByActionSubmit_UpdatesTheCardThroughTheConnector()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var bot = await KnowledgeBot.CreateAsync();

        var value = new JsonObject { ["verb"] = "faq.feedback", ["entryId"] = "datalek", ["helpful"] = true };
        var result = await bot.SendAsync(TestActivities.Submit(value, "answer-card", connector.ServiceUrl, "en-US"));

        Assert.Equal(200, result.StatusCode);
        var update = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.Contains("Thank you for your feedback!", AllText(update.FirstAttachmentContent!), StringComparison.Ordinal);
        Assert.Equal(("datalek", 1L, 0L), Assert.Single((await bot.Feedback.SummarizeAsync(Yesterday)).Votes));
    }

    [Theory]
    [InlineData("{\"entryId\":\"bestaat-niet\",\"helpful\":true}")]
    [InlineData("{\"entryId\":\"datalek\"}")]
    [InlineData("{\"entryId\":\"datalek\",\"helpful\":\"misschien\"}")]
    public async Task Feedback_WithBadData_IsAClearErrorAndStoresNothing(string data)
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var result = await bot.SendAsync(TestActivities.Execute("faq.feedback", (JsonObject)JsonNode.Parse(data)!, "card", null));

        var body = InvokeBody(result);
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Empty((await bot.Feedback.SummarizeAsync(Yesterday)).Votes);
    }

    [Fact]
    public async Task RelatedQuestion_ShowsThatEntry()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var answer = Card(await bot.AskAsync("mag ik een foto van de klas op instagram zetten"));
        var related = Actions(answer).First(a => a.Verb == "faq.show");

        var card = await bot.ExecuteAsync("faq.show", related.Data);

        AssertValid(card);
        Assert.Equal(related.Title, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(Actions(card), a => a.Verb == "faq.feedback" && a.Data["entryId"]!.GetValue<string>() == related.Data["entryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Escalate_WithoutConsent_StoresNothing_AndMarksTheConsentBox()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var none = Card(await bot.AskAsync("mag de schoolfotograaf klassenlijsten van de mentor krijgen voor de kerstviering"));
        var escalate = Assert.Single(Actions(none), a => a.Verb == "faq.escalate");
        var data = (JsonObject)escalate.Data.DeepClone();
        data["consent"] = "false";
        data["contact"] = "true";

        var card = await bot.ExecuteAsync("faq.escalate", data);

        AssertValid(card);
        Assert.Contains("Zonder je toestemming bewaren we je vraag niet", AllText(card), StringComparison.Ordinal);
        Assert.Empty((await bot.Feedback.SummarizeAsync(Yesterday)).OpenEscalations);
    }

    [Fact]
    public async Task Escalate_FromTheOutOfScopeCard_WithoutConsent_KeepsTheOutOfScopeCard_AndWithConsent_ForwardsTheQuestion()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var outside = Card(await bot.AskAsync("ik ben mijn wachtwoord vergeten"));
        var escalate = Assert.Single(Actions(outside), a => a.Verb == "faq.escalate");
        var data = (JsonObject)escalate.Data.DeepClone();
        data["consent"] = "false";
        data["contact"] = "false";

        var card = await bot.ExecuteAsync("faq.escalate", data);

        AssertValid(card);
        var text = AllText(card);
        Assert.Contains("Zonder je toestemming bewaren we je vraag niet", text, StringComparison.Ordinal);
        Assert.Equal("Dit lijkt geen privacyvraag", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Empty((await bot.Feedback.SummarizeAsync(Yesterday)).OpenEscalations);

        var again = Assert.Single(Actions(card), a => a.Verb == "faq.escalate");
        var consented = (JsonObject)again.Data.DeepClone();
        consented["consent"] = "true";
        consented["contact"] = "false";
        var sent = await bot.ExecuteAsync("faq.escalate", consented);

        Assert.Contains("Je vraag is doorgestuurd", AllText(sent), StringComparison.Ordinal);
        var escalation = Assert.Single((await bot.Feedback.SummarizeAsync(Yesterday)).OpenEscalations);
        Assert.Equal("ik ben mijn wachtwoord vergeten", escalation.Question);
    }

    [Fact]
    public async Task Escalate_WithConsent_StoresTheQuestionForTheDesk_WithoutTheAskersName()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var activity = TestActivities.Execute(
            "faq.escalate",
            new JsonObject { ["question"] = "hoe laat begint de kerstviering", ["bestEntryId"] = "", ["consent"] = "true", ["contact"] = "false" },
            "card",
            null);
        activity["from"]!["name"] = "Sanne de Vries";

        var result = await bot.SendAsync(activity);

        var card = (JsonObject)InvokeBody(result)["value"]!;
        AssertValid(card);
        var escalation = Assert.Single((await bot.Feedback.SummarizeAsync(Yesterday)).OpenEscalations);
        Assert.Equal("hoe laat begint de kerstviering", escalation.Question);
        Assert.Null(escalation.ContactName);
        Assert.Null(escalation.BestEntryId);
        var text = AllText(card);
        Assert.Contains("Je vraag is doorgestuurd", text, StringComparison.Ordinal);
        Assert.Contains(escalation.Reference, card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_WithConsentAndContact_KeepsTheDisplayNameOnly()
    {
        await using var bot = await KnowledgeBot.CreateAsync();
        var activity = TestActivities.Execute(
            "faq.escalate",
            new JsonObject { ["question"] = "mag ik toetsen mee naar huis nemen", ["bestEntryId"] = "vuistregels-veilig-werken", ["consent"] = "true", ["contact"] = "true" },
            "card",
            null,
            "en-US");
        activity["from"]!["name"] = "Sanne de Vries";

        await bot.SendAsync(activity);

        var escalation = Assert.Single((await bot.Feedback.SummarizeAsync(Yesterday)).OpenEscalations);
        Assert.Equal("Sanne de Vries", escalation.ContactName);
        Assert.Equal("vuistregels-veilig-werken", escalation.BestEntryId);
        Assert.Equal(PrivacyAssistant.Knowledge.Entries.KnowledgeLanguage.English, escalation.Language);
    }

    [Fact]
    public async Task BreachStart_WithoutABreachFeature_SaysHowToReportByMail()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var result = await bot.SendAsync(TestActivities.Execute("breach.start", new JsonObject { ["source"] = "intent" }, "card", null));

        Assert.Equal(200, result.StatusCode);
        var body = InvokeBody(result);
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("meldpuntAVG@cswalcheren.nl", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreachStart_FromABreachFeature_ReplacesThePlaceholder()
    {
        await using var bot = await KnowledgeBot.CreateAsync(services => services.AddCardAction<FormStub>("breach.start"));

        var card = await bot.ExecuteAsync("breach.start", new JsonObject { ["source"] = "intent" });

        Assert.Equal("breach form", card["body"]![0]!["text"]!.GetValue<string>());
    }

    private sealed class FormStub : ICardActionHandler
    {
        public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
            Task.FromResult(CardActionResult.ReplaceCard((JsonObject)JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"breach form","wrap":true}]}""")!));
    }
}
