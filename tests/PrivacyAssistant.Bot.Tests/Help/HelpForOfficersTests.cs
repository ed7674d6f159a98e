using System.Text.Json.Nodes;
using PrivacyAssistant.Bot.Tests.Breaches;
using PrivacyAssistant.Testing.Cards;

namespace PrivacyAssistant.Bot.Tests.Help;

/// <summary>
/// The help card through <c>/api/messages</c> of the real host: privacy officers also get the
/// "Voor de privacydesk" section naming the officer commands (which really work), anyone else gets
/// a card without any trace of it.
/// </summary>
public sealed class HelpForOfficersTests
{
    private const string Officer = "5e6f7a8b-0000-4000-8000-00000000beef";
    private const string Colleague = "0a1b2c3d-0000-4000-8000-00000000cafe";

    /// <summary>Anything in the card that belongs to the officer section.</summary>
    private static readonly string[] OfficerTraces =
    [
        "Voor de privacydesk", "For the privacy desk", "privacyfunctionaris", "privacy officer",
        "**meldingen**", "**vragen**", "**breaches**", "**questions**", "register exporteren", "export register",
        "breach.list", "faq.desk.list", "Doorgestuurde vragen", "Forwarded questions",
    ];

    [Fact]
    public async Task Officer_TypingHelp_GetsThePrivacyDeskSection_WhoseCommandsWork()
    {
        await using var host = await StartAsync();

        var card = BreachHost.CardOf((await host.SayAsync("help", Officer))[0]!);

        AdaptiveCardSchema.AssertValid(card);
        var text = card.ToJsonString();
        Assert.Contains("Voor de privacydesk", text, StringComparison.Ordinal);
        Assert.Contains("**meldingen**", text, StringComparison.Ordinal);
        Assert.Contains("**datalek DL-2026-0001**", text, StringComparison.Ordinal);
        Assert.Contains("**register exporteren**", text, StringComparison.Ordinal);
        Assert.Contains("**vragen**", text, StringComparison.Ordinal);
        Assert.Equal(["breach.list", "faq.desk.list"], Verbs(card));
        // The everyday sections are still there.
        Assert.Contains("Een datalek melden", text, StringComparison.Ordinal);

        // The words the card names are the real commands.
        Assert.Contains("Openstaande datalekken", BreachHost.CardOf((await host.SayAsync("meldingen", Officer))[0]!).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Doorgestuurde vragen", BreachHost.CardOf((await host.SayAsync("vragen", Officer))[0]!).ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  Open\tmeldingen?! ", "Openstaande datalekken")]
    [InlineData("openstaande\u00a0 meldingen.", "Openstaande datalekken")]
    [InlineData("Open  vragen??", "Doorgestuurde vragen")]
    [InlineData("\nvragen\r\n", "Doorgestuurde vragen")]
    public async Task Officer_TypingACommandWithOddSpacingOrPunctuation_StillGetsIt(string typed, string expected)
    {
        await using var host = await StartAsync();

        var card = BreachHost.CardOf((await host.SayAsync(typed, Officer))[0]!);

        Assert.Contains(expected, card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_AskingHelpInEnglish_GetsTheSectionInEnglish_WithTheEnglishCommands()
    {
        await using var host = await StartAsync();

        var card = BreachHost.CardOf((await host.SayAsync("help", Officer, "en-US"))[0]!);

        AdaptiveCardSchema.AssertValid(card);
        var text = card.ToJsonString();
        Assert.Contains("For the privacy desk", text, StringComparison.Ordinal);
        Assert.Contains("**breaches**", text, StringComparison.Ordinal);
        Assert.Contains("**questions**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Voor de privacydesk", text, StringComparison.Ordinal);
        Assert.Contains("\"lang\":\"en\"", text, StringComparison.Ordinal);

        Assert.Contains("Forwarded questions", BreachHost.CardOf((await host.SayAsync("questions", Officer, "en-US"))[0]!).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Open data breaches", BreachHost.CardOf((await host.SayAsync("breaches", Officer, "en-US"))[0]!).ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-NL")]
    [InlineData("en-US")]
    public async Task Colleague_TypingHelp_SeesNoTraceOfTheOfficerSection(string locale)
    {
        await using var host = await StartAsync();

        var colleague = BreachHost.CardOf((await host.SayAsync("help", Colleague, locale))[0]!);
        var anonymous = BreachHost.CardOf((await host.SayAsync("help", null, locale))[0]!);

        AdaptiveCardSchema.AssertValid(colleague);
        foreach (var trace in OfficerTraces)
        {
            Assert.DoesNotContain(trace, colleague.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Empty(Verbs(colleague));
        Assert.Equal(anonymous.ToJsonString(), colleague.ToJsonString());
    }

    [Fact]
    public async Task HelpButton_ShowsTheOfficerSectionOnlyToOfficers_AndItsButtonOpensTheQuestionList()
    {
        await using var host = await StartAsync();

        var forOfficer = (JsonObject)(await host.ExecuteAsync("help", new JsonObject(), Officer))["value"]!;
        var forColleague = (JsonObject)(await host.ExecuteAsync("help", new JsonObject(), Colleague))["value"]!;

        AdaptiveCardSchema.AssertValid(forOfficer);
        AdaptiveCardSchema.AssertValid(forColleague);
        Assert.Contains("Voor de privacydesk", forOfficer.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Voor de privacydesk", forColleague.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Verbs(forColleague));

        var deskButton = Actions(forOfficer).Single(action => action["verb"]?.GetValue<string>() == "faq.desk.list");
        var list = await host.ExecuteAsync("faq.desk.list", (JsonObject)deskButton["data"]!.DeepClone(), Officer);
        Assert.Contains("Er staan geen open vragen.", list["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static Task<BreachHost> StartAsync() =>
        BreachHost.StartAsync(new Dictionary<string, string?> { ["Breaches:Officers:0"] = Officer });

    private static List<string> Verbs(JsonObject card) =>
        Actions(card).Select(action => action["verb"]?.GetValue<string>()).OfType<string>().ToList();

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() is "Action.Execute" => [obj],
        JsonObject obj => obj.Select(pair => pair.Value).SelectMany(Actions),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };
}
