using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Breaches.Texts;

namespace PrivacyAssistant.Breaches.Tests.Texts;

public sealed class BreachTextsTests
{
    [Fact]
    public void Texts_CoverEveryCodeInDutchAndEnglish()
    {
        Assert.Equal(["en", "nl"], BreachTexts.Languages.Order().ToArray());
        Assert.Empty(BreachTexts.MissingTexts());
    }

    [Theory]
    [InlineData("nl", "Onbevoegde toegang of gegevens zichtbaar voor anderen", "functioneel beheerder")]
    [InlineData("en", "Unauthorised access or data visible to others", "functional administrator")]
    public void Texts_UnauthorisedAccess_HasALabelAndAdviceInBothLanguages(string language, string label, string advice)
    {
        var texts = BreachTexts.For(language);

        Assert.StartsWith(label, texts.Kinds["unauthorised-access"]);
        Assert.Contains(texts.Advice["unauthorised-access"], line => line.Contains(advice, StringComparison.Ordinal));
        Assert.True(Codes.TryParse<BreachKind>("unauthorised-access", out var kind));
        Assert.Equal(BreachKind.UnauthorisedAccess, kind);
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("en", "en")]
    [InlineData("nl-NL", "nl")]
    [InlineData(null, "nl")]
    [InlineData("xx", "nl")]
    public void LanguageOf_PrefersEnglishOnlyForEnglishLocales(string? locale, string expected) =>
        Assert.Equal(expected, BreachTexts.LanguageOf(locale));

    [Fact]
    public void Problem_FillsInTheLimit() =>
        Assert.Equal("Deze tekst is te lang (maximaal 2000 tekens).", BreachTexts.For("nl").Problem(new FieldProblem("description", "too-long", 2000)));
}
