using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Tests.Breaches;

/// <summary>The "datalek melden" form, bound once per language and filled per turn, is the message the bound form made.</summary>
public sealed class BreachFormMessageTests
{
    private static readonly string?[] Names =
    [
        null, "", "   ", "Jan de Vries", "  Anna  ", "*Piet* _Jansen_ [x](https://example.org)", "# 1. Kop", "12) Lijst",
        "Zoë \"Bakker\" <b>&amp; 't Hart", "a\n- b\r\n> c", "${reporterName} $strings.title", "\u0001 #*PreboundCardHole3_\u0001",
        "Émile 🚀 \\ ` ~ { } |", "www.example.org http://x.nl",
    ];

    private static readonly DateTimeOffset[] Moments =
    [
        DateTimeOffset.Parse("2026-03-10T12:00:00Z"), DateTimeOffset.Parse("2026-06-01T05:07:59Z"), DateTimeOffset.Parse("2026-12-31T23:30:00Z"),
    ];

    [Fact]
    public void FormMessage_IsTheBoundFormMessage_ForEveryLanguageNameAndMoment()
    {
        var clock = new FakeTimeProvider();
        var cards = new BreachCards(new CardLibrary(), Options.Create(new BreachesOptions()), clock);
        var compared = 0;

        // The moments in order: the fake clock only goes forward.
        foreach (var moment in Moments)
        {
            clock.SetUtcNow(moment);
            foreach (var language in new[] { BotLanguage.Dutch, BotLanguage.English, "de" })
            {
                foreach (var name in Names)
                {
                    foreach (var submissionId in new[] { Guid.NewGuid().ToString("N"), "sub-\"1\"" })
                    {
                        var bound = cards.Form(language, submissionId, name);
                        var expected = JsonSerializer.Serialize(MessageFactory.Card(bound, bound["speak"]?.ToString()), BotJson.Options);

                        Assert.Equal(expected, JsonSerializer.Serialize(cards.FormMessage(language, submissionId, name), BotJson.Options));
                        compared++;
                    }
                }
            }
        }

        Assert.Equal(3 * Moments.Length * Names.Length * 2, compared);
    }

    [Fact]
    public void FormMessage_KeepsTheNameAndIdStrings_ThatDoNotChangeTheCardsStructure()
    {
        var cards = new BreachCards(new CardLibrary(), Options.Create(new BreachesOptions()), new FakeTimeProvider(DateTimeOffset.Parse("2026-03-10T12:00:00Z")));

        var plain = JsonSerializer.SerializeToNode(cards.FormMessage(BotLanguage.Dutch, "sub-1", "Jan"), BotJson.Options)!;
        const string name = "\"}]},{\"a\":\"${x}";
        var hostile = JsonSerializer.SerializeToNode(cards.FormMessage(BotLanguage.Dutch, "\"},{\"type\":\"x", name), BotJson.Options)!;

        var plainCard = plain["attachments"]![0]!["content"]!;
        var hostileCard = hostile["attachments"]![0]!["content"]!;
        Assert.Equal(plainCard["body"]!.AsArray().Count, hostileCard["body"]!.AsArray().Count);
        Assert.Equal("\"},{\"type\":\"x", hostileCard["actions"]![0]!["data"]!["submissionId"]!.GetValue<string>());
        Assert.Equal("Je meldt als " + MarkdownText.Escape(name) + ".", hostileCard["body"]![2]!["text"]!.GetValue<string>());
    }
}
