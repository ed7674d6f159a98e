using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;

namespace PrivacyAssistant.Conversations.Tests.Welcome;

public sealed class WelcomeHandlerTests
{
    [Fact]
    public async Task UserAndBotAddedToAPersonalChat_GetOneDutchWelcome()
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.MembersAdded(null, TestActivities.UserId, TestActivities.BotId).ExpectingReplies());

        var reply = Assert.Single(Replies(result));
        var text = AllText(Card(reply));
        Assert.Contains("Welkom bij de Privacy-assistent", text, StringComparison.Ordinal);
        Assert.Contains("datalek melden", text, StringComparison.Ordinal);
        Assert.Contains("Outlook", text, StringComparison.Ordinal);
        Assert.Equal("Welkom bij de Privacy-assistent", reply["summary"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    [InlineData("EN")]
    public async Task EnglishLocale_GetsTheEnglishWelcome(string locale)
    {
        await using var bot = Create();
        var activity = TestActivities.MembersAdded(null, TestActivities.UserId).ExpectingReplies();
        activity["locale"] = locale;

        var result = await bot.SendAsync(activity);

        Assert.Contains("Welcome to the Privacy Assistant", AllText(Card(Assert.Single(Replies(result)))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-NL")]
    [InlineData("fr-FR")]
    [InlineData("")]
    [InlineData("gibberish")]
    public async Task OtherOrOddLocales_GetTheDutchWelcome(string locale)
    {
        await using var bot = Create();
        var activity = TestActivities.MembersAdded(null, TestActivities.UserId).ExpectingReplies();
        activity["locale"] = locale;

        var result = await bot.SendAsync(activity);

        Assert.Contains("Welkom", AllText(Card(Assert.Single(Replies(result)))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheBotInstalledInAPersonalChat_GetsAWelcome()
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.MembersAdded(null, TestActivities.BotId).ExpectingReplies());

        Assert.Single(Replies(result));
    }

    [Fact]
    public async Task NewTeamMemberInAChannel_DoesNotFloodTheChannel()
    {
        await using var bot = Create();
        var activity = TestActivities.MembersAdded(null, "29:new-colleague").ExpectingReplies();
        activity["conversation"]!["conversationType"] = "channel";

        var result = await bot.SendAsync(activity);

        Assert.Empty(Replies(result));
    }

    [Fact]
    public async Task BotAddedToAChannel_IntroducesItself()
    {
        await using var bot = Create();
        var activity = TestActivities.MembersAdded(null, TestActivities.BotId).ExpectingReplies();
        activity["conversation"]!["conversationType"] = "channel";

        var result = await bot.SendAsync(activity);

        Assert.Single(Replies(result));
    }
}
