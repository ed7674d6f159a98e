using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class HowToQuestionTests
{
    private static readonly HowToQuestion HowTo = new(
        Phrases("[Nederlands]\n^hoe * ik, werkt niet\n[English]\n^how do i, doesn't work"),
        new WordList("people-words.txt", Words("leerling", "ouders"), Words("parent", "pupil")));

    [Theory]
    [InlineData("hoe maak ik in forms een quiz voor de klas", "^hoe * ik")]
    [InlineData("Hoe zet ik de helderheid hoger?", "^hoe * ik")]
    [InlineData("de beamer in lokaal 12 werkt niet", "werkt niet")]
    [InlineData("How do I embed a video in a presentation", "^how do i")]
    [InlineData("my headset doesn’t work in teams", "doesn't work")]
    public void Match_HowToOrFaultQuestionWithoutPeople_IsThePhrase(string question, string phrase)
    {
        Assert.Equal(phrase, HowTo.Match(question)?.Text);
    }

    [Theory]
    [InlineData("hoe bespreek ik een leerling met de jeugdarts")]
    [InlineData("hoe informeer ik de ouders van mijn klas")]
    [InlineData("hoe noteer ik iets over een zorgleerling")]
    [InlineData("how do I tell a parent about the new app")]
    public void Match_QuestionNamingPeople_IsNull(string question)
    {
        Assert.Null(HowTo.Match(question));
    }

    [Theory]
    [InlineData("hoe installeer ik geogebra op de leerlingenlaptops")]
    [InlineData("how do I make the slide transparent")]
    public void Match_PeopleWordOnlyAsACompoundsStartOrInsideAnEnglishWord_DoesNotCount(string question)
    {
        Assert.NotNull(HowTo.Match(question));
    }

    [Theory]
    [InlineData("ik weet niet hoe ik een quiz maak")]
    [InlineData("wat moet ik doen")]
    [InlineData("hoe lang bewaren we toetsen")]
    public void Match_OpeningPhraseElsewhereOrNoPhrase_IsNull(string question)
    {
        Assert.Null(HowTo.Match(question));
    }

    [Fact]
    public void Match_ShippedLists_SeparateAToolQuestionFromAPrivacyHowTo()
    {
        var shipped = Evaluation.EvaluationSets.Product.HowToQuestion;

        Assert.NotNull(shipped.Match("hoe maak ik een back-up van mijn lesmateriaal in onedrive"));
        Assert.NotNull(shipped.Match("mijn scherm blijft zwart na het inloggen"));
        Assert.Null(shipped.Match("hoe bespreek ik een leerling met de jeugdarts zonder te zeggen wie het is"));
    }

    private static HowToPhraseList Phrases(string text)
    {
        var problems = new List<KnowledgeProblem>();
        var list = HowToPhraseReader.Read("how-to-phrases.txt", text, problems);
        Assert.Empty(problems);
        return list!;
    }

    private static ListedWord[] Words(params string[] words) => [.. words.Select(w => new ListedWord(w, 1))];
}
