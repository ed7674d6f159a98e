using System.Text.Json.Nodes;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Cards;
using static PrivacyAssistant.Conversations.Tests.Support.ConversationsBot;
using static PrivacyAssistant.Conversations.Tests.Support.KnowledgeBot;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

/// <summary>Questions in, cards out: the knowledge conversation over the repository's real knowledge folder.</summary>
public sealed class KnowledgeQuestionHandlerTests
{
    [Fact]
    public async Task DutchQuestion_IsAnsweredWithTheEntrysCard_AndTheEntryIdInChannelData()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync("mag ik een foto van de klas op instagram zetten");

        Assert.Equal(("beeldmateriaal", "answer"), Metadata(reply));
        Assert.Equal("nl", reply["locale"]!.GetValue<string>());
        var card = Card(reply);
        AssertValid(card);
        Assert.Equal("Mag ik foto's of video's van leerlingen publiceren?", card["body"]![0]!["text"]!.GetValue<string>());
        var actions = Actions(card);
        var related = actions.Where(a => a.Verb == "faq.show").ToList();
        Assert.InRange(related.Count, 1, 3);
        Assert.All(related, a => Assert.False(string.IsNullOrEmpty(a.Data["entryId"]!.GetValue<string>())));
        var feedback = actions.Where(a => a.Verb == "faq.feedback").ToList();
        Assert.Equal(2, feedback.Count);
        Assert.Contains(feedback, a => a.Title.Contains("👍", StringComparison.Ordinal) && a.Data["helpful"]!.GetValue<bool>());
        Assert.Contains(feedback, a => a.Title.Contains("👎", StringComparison.Ordinal) && !a.Data["helpful"]!.GetValue<bool>());
        Assert.All(feedback, a => Assert.Equal("beeldmateriaal", a.Data["entryId"]!.GetValue<string>()));
        Assert.Contains("](https://", AllText(card), StringComparison.Ordinal); // the source link
    }

    [Fact]
    public async Task EnglishQuestion_InADutchTeamsClient_IsAnsweredInEnglish()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync("may I share photos of students online");

        Assert.Equal(("beeldmateriaal", "answer"), Metadata(reply));
        Assert.Equal("en", reply["locale"]!.GetValue<string>());
        var card = Card(reply);
        AssertValid(card);
        Assert.Equal("May I publish photos or videos of students?", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Was this helpful?", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffTopicQuestion_GetsTheHonestNoneCard_WithTheDeskAndAnEscalateButton()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync("hoe laat begint de kerstviering");

        Assert.Equal((null, "none"), Metadata(reply));
        var card = Card(reply);
        AssertValid(card);
        var text = AllText(card);
        Assert.Contains("Dat weet ik niet zeker", text, StringComparison.Ordinal);
        Assert.Contains("mailto:meldpuntAVG@cswalcheren.nl", text, StringComparison.Ordinal);
        var escalate = Assert.Single(Actions(card), a => a.Verb == "faq.escalate");
        Assert.Equal("hoe laat begint de kerstviering", escalate.Data["question"]!.GetValue<string>());
        Assert.Empty((await bot.Feedback.SummarizeAsync(DateTimeOffset.UtcNow.AddDays(-1))).OpenEscalations);
        // No out-of-scope topic explains this question (knowledge/out-of-scope.txt): the ordinary card.
        Assert.Contains("Op deze vraag heb ik geen betrouwbaar antwoord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("geen privacyvraag", text, StringComparison.Ordinal);
        Assert.Null(escalate.Data["outOfScope"]);
        Assert.Equal("Dat weet ik niet zeker", reply["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task OutOfScopeQuestion_SaysItLooksLikeAnotherSubject_AndKeepsTheDeskTheEscalationAndTheHelpHint()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync("ik ben mijn wachtwoord vergeten");

        Assert.Equal((null, "none"), Metadata(reply));
        Assert.Equal("nl", reply["locale"]!.GetValue<string>());
        Assert.Equal("Dit lijkt geen privacyvraag", reply["summary"]!.GetValue<string>());
        var card = Card(reply);
        AssertValid(card);
        Assert.Equal("Dit lijkt geen privacyvraag", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Dit lijkt geen privacyvraag", card["speak"]!.GetValue<string>());
        var text = AllText(card);
        Assert.Contains("Ik beantwoord alleen vragen over privacy en de AVG", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Dat weet ik niet zeker", text, StringComparison.Ordinal);
        Assert.Contains("Gaat je vraag toch over privacy?", text, StringComparison.Ordinal);
        Assert.Contains("mailto:meldpuntAVG@cswalcheren.nl", text, StringComparison.Ordinal);
        Assert.Contains("Typ **help**", text, StringComparison.Ordinal);
        Assert.Contains("zonder je toestemming bewaren we niets", text, StringComparison.Ordinal);
        var escalate = Assert.Single(Actions(card), a => a.Verb == "faq.escalate");
        Assert.Equal("ik ben mijn wachtwoord vergeten", escalate.Data["question"]!.GetValue<string>());
        Assert.Equal("true", escalate.Data["outOfScope"]!.GetValue<string>());
        Assert.Empty((await bot.Feedback.SummarizeAsync(DateTimeOffset.UtcNow.AddDays(-1))).OpenEscalations);
    }

    [Fact]
    public async Task OutOfScopeQuestion_InEnglish_InADutchTeamsClient_GetsTheEnglishCard()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync("tell me a joke");

        Assert.Equal((null, "none"), Metadata(reply));
        Assert.Equal("en", reply["locale"]!.GetValue<string>());
        Assert.Equal("This doesn't look like a privacy question", reply["summary"]!.GetValue<string>());
        var card = Card(reply);
        AssertValid(card);
        Assert.Equal("This doesn't look like a privacy question", card["body"]![0]!["text"]!.GetValue<string>());
        var text = AllText(card);
        Assert.Contains("I only answer questions about privacy and the GDPR", text, StringComparison.Ordinal);
        Assert.Contains("Is your question about privacy after all?", text, StringComparison.Ordinal);
        Assert.Contains("mailto:meldpuntAVG@cswalcheren.nl", text, StringComparison.Ordinal);
        Assert.Contains("Type **help**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I'm not sure about that", text, StringComparison.Ordinal);
        var escalate = Assert.Single(Actions(card), a => a.Verb == "faq.escalate");
        Assert.Equal("Send question", escalate.Title);
        Assert.Equal("en", escalate.Data["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task VagueQuestion_GetsBedoelJe_WithTheCandidatesAsButtons()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        // Consent "of a student" may mean valid consent or who consents at what age: both entries are offered.
        var reply = await bot.AskAsync("toestemming leerling");

        var (entryId, decision) = Metadata(reply);
        Assert.Equal("clarify", decision);
        var card = Card(reply);
        AssertValid(card);
        Assert.Contains("Bedoel je…?", AllText(card), StringComparison.Ordinal);
        var options = Actions(card).Where(a => a.Verb == "faq.show").Select(a => a.Data["entryId"]!.GetValue<string>()).ToList();
        Assert.Equal(entryId, options[0]);
        Assert.Contains("toestemming", options);
        Assert.Contains("leeftijd-toestemming", options);
        Assert.InRange(options.Count, 2, 3);
        Assert.Single(Actions(card), a => a.Verb == "faq.escalate");
    }

    [Theory]
    [InlineData("ik ben mijn laptop kwijt", "nl-NL", "Datalek melden")]
    [InlineData("I sent an email with grades to the wrong parent", "en-US", "Report a data breach")]
    public async Task BreachReport_OffersTheBreachForm(string text, string locale, string button)
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync(text, locale);

        Assert.Equal((null, "breach"), Metadata(reply));
        var card = Card(reply);
        AssertValid(card);
        var start = Assert.Single(Actions(card), a => a.Verb == "breach.start");
        Assert.Equal(button, start.Title);
        Assert.Contains("72", AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionsAreCounted_ButTheirTextIsNotStored()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        await bot.AskAsync("mag ik een foto van de klas op instagram zetten");
        await bot.AskAsync("hoe laat begint de kerstviering");

        var summary = await bot.Feedback.SummarizeAsync(DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Contains(("answer", "beeldmateriaal", 1L), summary.Decisions);
        Assert.Contains(("none", "", 1L), summary.Decisions);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = System.Text.Encoding.UTF8.GetString(await ReadDatabaseAsync(bot.DatabasePath));
        Assert.DoesNotContain("kerstviering", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivacyAssistant.Testing.Activities.TestActivities.UserAadObjectId, bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMention_IsStrippedBeforeAsking()
    {
        await using var bot = await KnowledgeBot.CreateAsync();

        var reply = await bot.AskAsync("<at>Privacy Assistant</at> mag ik een foto van de klas op instagram zetten");

        Assert.Equal(("beeldmateriaal", "answer"), Metadata(reply));
    }

    internal static void AssertValid(JsonObject card)
    {
        var errors = AdaptiveCardSchema.Validate(card);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var problems = AdaptiveCardSchema.AccessibilityProblems(card);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The database file plus its WAL, as the bytes on disk.</summary>
    internal static async Task<byte[]> ReadDatabaseAsync(string path)
    {
        var parts = new List<byte>();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            parts.AddRange(copy.ToArray());
        }

        return parts.ToArray();
    }
}
