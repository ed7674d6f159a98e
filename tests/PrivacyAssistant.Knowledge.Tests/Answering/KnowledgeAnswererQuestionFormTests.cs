using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>The question-form rule (<c>knowledge/question-form-words.txt</c>, <c>Knowledge:FormThreshold</c>) in the answerer, on the shipped knowledge.</summary>
public sealed class KnowledgeAnswererQuestionFormTests
{
    private static KnowledgeEngine Product => EvaluationSets.Product;

    // The same engine without the form rule: what the answer was before it.
    private static readonly Lazy<KnowledgeAnswerer> WithoutForm = new(() =>
        new KnowledgeAnswerer(Product.Knowledge, Product.Retriever, Product.BreachIntents, Product.Policy, outOfScope: Product.OutOfScope));

    [Theory]
    [InlineData("teams doet raar als ik mijn scherm deel")]
    [InlineData("hoe pas ik de weging van een toets aan in magister")]
    [InlineData("how do I write a helpful report comment for a student who is struggling")]
    public void Ask_WeakMatchForAHowToQuestion_IsNoneInsteadOfBedoelJe(string question)
    {
        var before = WithoutForm.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.Equal(AnswerDecision.Clarify, before.Decision);
        Assert.True(before.Confidence < Product.Policy.FormThreshold, $"confidence {before.Confidence:0.000}");
        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.Null(answer.Entry);
    }

    [Theory]
    [InlineData("mag ik adressen van ouders uit de ouderavond-lijst gebruiken voor een feestje", "doelbinding")]
    [InlineData("een journalist van de PZC wil foto's maken bij de diploma-uitreiking van Fleur, mag dat", "journalisten")]
    public void Ask_WeakMatchForAPermissionQuestion_KeepsItsBedoelJe(string question, string entry)
    {
        var answer = Product.Answerer.Ask(question);

        Assert.True(answer.Confidence < Product.Policy.FormThreshold, $"confidence {answer.Confidence:0.000}");
        Assert.Equal(AnswerDecision.Clarify, answer.Decision);
        Assert.Equal(entry, answer.Entry?.Id);
    }

    [Fact]
    public void Ask_ConfidentAnswerToAHowToQuestionThatATopicExplains_IsNone()
    {
        const string question = "hoe zet ik mijn cijfers uit excel over naar magister";
        var before = WithoutForm.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.Equal(AnswerDecision.Answer, before.Decision);
        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.NotNull(answer.OutOfScope);
    }

    [Fact]
    public void Ask_ConfidentAnswerToAPrivacyQuestionWithTopicWords_StaysAnAnswer()
    {
        // An out-of-scope topic explains half of it, but "persoonsgegeven" makes it a privacy question: the answer stays.
        var answer = Product.Answerer.Ask("is een leerlingnummer een persoonsgegeven");

        Assert.Equal(AnswerDecision.Answer, answer.Decision);
        Assert.Equal("persoonsgegevens", answer.Entry?.Id);
    }
}
