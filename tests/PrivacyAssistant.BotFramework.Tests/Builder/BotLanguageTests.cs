using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Tests.Builder;

public sealed class BotLanguageTests
{
    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("EN", "en")]
    [InlineData("en", "en")]
    [InlineData("nl-NL", "nl")]
    [InlineData("nl-BE", "nl")]
    [InlineData("fr-FR", "nl")]
    [InlineData("de", "nl")]
    [InlineData("", "nl")]
    [InlineData("   ", "nl")]
    [InlineData("e", "nl")]
    [InlineData("x-klingon", "nl")]
    [InlineData(null, "nl")]
    public void FromLocale_IsEnglishOnlyForEnglishLocales(string? locale, string expected) =>
        Assert.Equal(expected, BotLanguage.FromLocale(locale));

    [Fact]
    public void Of_FallsBackToTheClientInfoLocale()
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize<Activity>(
            """{"type":"conversationUpdate","entities":[{"type":"clientInfo","locale":"en-US"}]}""", BotJson.Options)!;

        Assert.Equal(BotLanguage.English, BotLanguage.Of(activity));
    }
}
