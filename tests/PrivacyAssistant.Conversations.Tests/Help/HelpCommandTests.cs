using System.Text.Json.Nodes;
using PrivacyAssistant.Conversations.Help;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;

namespace PrivacyAssistant.Conversations.Tests.Help;

public sealed class HelpCommandTests
{
    [Theory]
    [InlineData("help", true)]
    [InlineData("Help", true)]
    [InlineData("HULP", true)]
    [InlineData("help?", true)]
    [InlineData("?", true)]
    [InlineData(" /help ", true)]
    [InlineData("wat kun je?", true)]
    [InlineData("What can you do?", true)]
    [InlineData("helpdesk", false)]
    [InlineData("help me met een datalek", false)]
    [InlineData("mag ik foto's delen?", false)]
    public void IsHelp_RecognisesHelpRequestsOnly(string text, bool expected) =>
        Assert.Equal(expected, HelpCommand.IsHelp(text));

    [Fact]
    public async Task Help_AnswersWithTheHelpCardThatMentionsEveryCapability()
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.Message("help", null).ExpectingReplies());

        var text = AllText(Card(Assert.Single(Replies(result))));
        Assert.Contains("Vragen over privacy", text, StringComparison.Ordinal);
        Assert.Contains("datalek melden", text, StringComparison.Ordinal);
        Assert.Contains("Outlook-invoegtoepassing", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_WithABotMentionInAChannel_IsRecognised()
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.Message("<at>Privacy Assistant</at> help", null, "en-US").ExpectingReplies());

        Assert.Contains("What can the Privacy Assistant do?", AllText(Card(Assert.Single(Replies(result)))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpVerb_ByActionExecute_ReturnsTheHelpCardAsInvokeResponse()
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.Execute("help", null, "welcome-card", null));

        Assert.Equal(200, result.StatusCode);
        var body = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(result.Body, BotFramework.Schema.BotJson.Options)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Wat kan de Privacy-assistent?", AllText((JsonObject)body["value"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpVerb_ByActionSubmit_ReplacesTheCardThroughTheConnector()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.Submit(new JsonObject { ["verb"] = "help" }, "welcome-card", connector.ServiceUrl, "en-US"));

        Assert.Equal(200, result.StatusCode);
        var update = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/welcome-card", update.RawTarget, StringComparison.Ordinal);
        Assert.Contains("What can the Privacy Assistant do?", AllText(update.FirstAttachmentContent!), StringComparison.Ordinal);
    }
}
