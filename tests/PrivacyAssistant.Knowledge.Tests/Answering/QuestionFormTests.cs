using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class QuestionFormTests
{
    private static readonly QuestionForm Form = new(new WordList(
        "question-form-words.txt",
        [new("mag", 1), new("moeten", 1), new("wet", 1), new("gegevens", 2), new("privacy", 2), new("foto's", 2), new("oké", 2)],
        [new("allowed", 4), new("data", 4)]));

    [Theory]
    [InlineData("mag ik dit doen")]
    [InlineData("Moeten we dat melden?")]
    [InlineData("welke gegevens staan erin")]
    [InlineData("am I allowed to print this")]
    public void AsksAboutPrivacy_QuestionWithAListedWord_IsTrue(string question)
    {
        Assert.True(Form.AsksAboutPrivacy(question));
    }

    [Theory]
    [InlineData("waar staan de leerlinggegevens")] // a compound ending in a listed word of six letters or more
    [InlineData("is de privacyverklaring al klaar")] // ... or starting with one
    [InlineData("zijn de fotos al klaar")] // apostrophes dropped on both sides: "foto's" is "fotos"
    [InlineData("is dat ok\u00e9 voor ouders")]
    [InlineData("Is het OKE")]
    [InlineData("de data-analyse")] // hyphens split words
    public void AsksAboutPrivacy_CompoundsAccentsAndApostrophes_AreMatched(string question)
    {
        Assert.True(Form.AsksAboutPrivacy(question));
    }

    [Theory]
    [InlineData("hoe maak ik een grafiek in excel")]
    [InlineData("ik weet het niet meer")] // "wet" is shorter than six letters: only a whole word counts
    [InlineData("waarom doet magister raar")] // not "mag"
    [InlineData("the printer does not work")]
    [InlineData("")]
    public void AsksAboutPrivacy_QuestionWithoutAListedWord_IsFalse(string question)
    {
        Assert.False(Form.AsksAboutPrivacy(question));
    }

    [Fact]
    public void AsksAboutPrivacy_ShippedList_SeparatesAHowToFromAPermissionQuestion()
    {
        var shipped = EvaluationSets.Product.QuestionForm;

        Assert.False(shipped.AsksAboutPrivacy("teams doet raar als ik mijn scherm deel"));
        Assert.True(shipped.AsksAboutPrivacy("mag ik de adressen van ouders gebruiken voor een feestje"));
        Assert.True(shipped.AsksAboutPrivacy("hoe deel ik een leerlingdossier veilig met de jeugdzorg"));
    }

    // AsksAboutPrivacy reads the folded question's words as spans (no strings): the same words as TextNormalizer.Words,
    // so the same answer as matching those, on every dev question and variants with every separator, accents and casing.
    [Fact]
    public void AsksAboutPrivacy_ShippedList_AnswersAsTextNormalizerWordsWouldOnDevQuestions()
    {
        var engine = EvaluationSets.Product;
        var listed = engine.Knowledge.QuestionFormWords.Dutch.Concat(engine.Knowledge.QuestionFormWords.English)
            .SelectMany(w => TextNormalizer.Words(w.Word)).ToHashSet(StringComparer.Ordinal);
        var parts = listed.Where(w => w.Length >= QuestionForm.CompoundLength).ToList();
        bool Reference(string question) => TextNormalizer.Words(question).Any(word =>
            listed.Contains(word) || parts.Any(p => word.Length > p.Length && (word.StartsWith(p, StringComparison.Ordinal) || word.EndsWith(p, StringComparison.Ordinal))));

        var questions = EvaluationSets.Dev.Select(c => c.Question).ToList();
        var separators = TextNormalizer.WordSeparators.ToString();
        var variants = questions.SelectMany((q, i) => new[]
        {
            q.ToUpperInvariant(),
            q.Replace(' ', separators[i % separators.Length]),
            separators[(i + 3) % separators.Length] + q.Replace(" ", separators[(i + 5) % separators.Length] + " ") + separators[i % separators.Length],
            q.Replace('e', '\u00e9').Replace('o', '\u00f6'),
        }).ToList();
        var all = questions.Concat(variants).ToList();

        var differ = all.Where(q => engine.QuestionForm.AsksAboutPrivacy(q) != Reference(q)).ToList();

        Assert.Empty(differ);
        Assert.Contains(all, Reference);
        Assert.Contains(all, q => !Reference(q));
    }
}
