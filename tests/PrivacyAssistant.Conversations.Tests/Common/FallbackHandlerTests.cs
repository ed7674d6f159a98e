using System.Text.Json.Nodes;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;

namespace PrivacyAssistant.Conversations.Tests.Common;

public sealed class FallbackHandlerTests
{
    [Theory]
    [InlineData("blabla", "nl-NL", "Dat begrijp ik niet helemaal")]
    [InlineData("blabla", "en-US", "I don't quite understand")]
    [InlineData("", "nl-NL", "Ik kan alleen tekst lezen")]
    [InlineData(null, "en-US", "I can only read text")]
    public async Task UnhandledMessage_GetsAPointerToHelp(string? text, string locale, string expected)
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.Message(text, null, locale).ExpectingReplies());

        Assert.StartsWith(expected, Assert.Single(Replies(result))["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCardButton_IsExplained()
    {
        await using var bot = Create();

        var result = await bot.SendAsync(TestActivities.Submit(new JsonObject { ["verb"] = "retired.verb" }, "card", null).ExpectingReplies());

        Assert.StartsWith("Deze knop werkt niet", Assert.Single(Replies(result))["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
