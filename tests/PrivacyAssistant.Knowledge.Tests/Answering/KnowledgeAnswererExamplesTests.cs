using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>The shipped example questions (knowledge/example-questions.tsv) in the answerer: asked only when it is unsure.</summary>
public sealed class KnowledgeAnswererExamplesTests
{
    [Fact]
    public void Ask_ConfidentAnswer_DoesNotAskTheExamples()
    {
        var answer = EvaluationSets.Product.Answerer.Ask("Wat zijn persoonsgegevens?");

        Assert.Equal(AnswerDecision.Answer, answer.Decision);
        Assert.Null(answer.Examples);
    }

    [Fact]
    public void Ask_BreachReport_DoesNotAskTheExamples()
    {
        var answer = EvaluationSets.Product.Answerer.Ask("mijn schoollaptop is vanochtend uit de auto gestolen");

        Assert.Equal(AnswerDecision.Breach, answer.Decision);
        Assert.Null(answer.Examples);
    }

    [Fact]
    public void Ask_UnsureQuestionTheExamplesPlace_OffersTheirEntryInsteadOfNotSure()
    {
        // Not shaped as a how-to question: a none the how-to rule or an out-of-scope topic explains is not offered again.
        const string question = "wat vertellen we ouders over de nieuwe camera's bij de ingang";
        var options = new KnowledgeOptions { ExamplesAnswerSupport = 0, ExamplesNoneSupport = 0, ExamplesCardSupport = 0, ExamplesRescueSupport = 0 };
        using var withoutExamples = KnowledgeEngine.Create(EvaluationSets.Product.Knowledge, options);

        var before = withoutExamples.Answerer.Ask(question);
        var after = EvaluationSets.Product.Answerer.Ask(question, explain: true);

        Assert.Equal(AnswerDecision.None, before.Decision);
        Assert.Equal(AnswerDecision.Clarify, after.Decision);
        Assert.Equal("informatieplicht", after.Entry?.Id);
        Assert.Equal("informatieplicht", after.Examples?.EntryId);
        Assert.NotEmpty(after.Examples!.Value.Neighbours!);
    }

    [Fact]
    public void Ask_OffTopicQuestion_CarriesTheExamplesVerdictOutsidePrivacy()
    {
        var answer = EvaluationSets.Product.Answerer.Ask("waar vind ik het rooster van volgende week");

        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.True(answer.Examples?.OutsidePrivacy);
    }
}
