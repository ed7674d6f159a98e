using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>The how-to rule (<c>knowledge/how-to-phrases.txt</c>, <c>knowledge/people-words.txt</c>, <c>Knowledge:HowToThreshold</c>) in the answerer, on the shipped knowledge.</summary>
public sealed class KnowledgeAnswererHowToTests
{
    private static KnowledgeEngine Product => EvaluationSets.Product;

    // The same engine without the how-to rule: what the answer was before it.
    private static readonly Lazy<KnowledgeAnswerer> WithoutHowTo = new(() =>
        new KnowledgeAnswerer(Product.Knowledge, Product.Retriever, Product.BreachIntents, Product.Policy, outOfScope: Product.OutOfScope, questionForm: Product.QuestionForm));

    [Theory]
    [InlineData("hoe maak ik een back-up van mijn lesmateriaal in onedrive")]
    [InlineData("how do I embed a youtube video in a presentation")]
    [InlineData("mijn scherm blijft zwart na het inloggen")]
    public void Ask_CardForAQuestionAboutATool_IsNoneAndSaysWhy(string question)
    {
        var before = WithoutHowTo.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.Equal(AnswerDecision.Clarify, before.Decision);
        Assert.True(before.Confidence >= Product.Policy.FormThreshold, $"confidence {before.Confidence:0.000}: the form rule alone decides it");
        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.Null(answer.Entry);
        Assert.NotNull(answer.HowTo);
    }

    [Theory]
    [InlineData("hoe bespreek ik een leerling met de jeugdarts zonder te zeggen wie het is", "anoniem-bespreken")]
    [InlineData("hoe deel ik een leerlingverslag met de jeugdarts", "ketenpartners")]
    public void Ask_HowToQuestionNamingPeopleOrPersonalData_KeepsItsEntry(string question, string entry)
    {
        var answer = Product.Answerer.Ask(question);

        Assert.NotEqual(AnswerDecision.None, answer.Decision);
        // Offered, first or (since session 12, when the example questions favour a neighbour) second on the card.
        Assert.Contains(entry, answer.Options.Select(o => o.Id).Append(answer.Entry?.Id));
        Assert.Null(answer.HowTo);
    }

    [Fact]
    public void Ask_HowToQuestionNamingBreaches_IsNeverTakenForAToolQuestion()
    {
        var answer = Product.Answerer.Ask("how do I recognise a data breach");

        Assert.NotEqual(AnswerDecision.None, answer.Decision);
        Assert.Null(answer.HowTo);
    }
}
