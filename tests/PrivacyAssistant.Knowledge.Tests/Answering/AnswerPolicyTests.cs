using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class AnswerPolicyTests
{
    private static readonly AnswerPolicy Policy = new(AnswerThreshold: 0.5, NoneThreshold: 0.3, ClarifyRatio: 0.9);

    private static RankedCandidate Candidate(string id, double confidence, double? score = null) => new(id, score ?? confidence * 10, confidence, []);

    [Fact]
    public void Decide_ClearWinnerAboveThreshold_Answers()
    {
        var (decision, chosen) = Policy.Decide([Candidate("a", 0.8), Candidate("b", 0.4)]);

        Assert.Equal(AnswerDecision.Answer, decision);
        Assert.Equal("a", Assert.Single(chosen).EntryId);
    }

    [Fact]
    public void Decide_RunnerUpClose_Clarifies()
    {
        var (decision, chosen) = Policy.Decide([Candidate("a", 0.8), Candidate("b", 0.75)]);

        Assert.Equal(AnswerDecision.Clarify, decision);
        Assert.Equal(["a", "b"], chosen.Select(c => c.EntryId));
    }

    [Fact]
    public void Decide_BothFullyMatchedButOneScoresClearlyHigher_Answers()
    {
        var (decision, chosen) = Policy.Decide([Candidate("a", 1.0, score: 20), Candidate("b", 1.0, score: 12)]);

        Assert.Equal(AnswerDecision.Answer, decision);
        Assert.Equal("a", Assert.Single(chosen).EntryId);
    }

    [Fact]
    public void Decide_BetweenThresholds_AsksAboutTheBestOnly()
    {
        var (decision, chosen) = Policy.Decide([Candidate("a", 0.4), Candidate("b", 0.1)]);

        Assert.Equal(AnswerDecision.Clarify, decision);
        Assert.Equal("a", Assert.Single(chosen).EntryId);
    }

    [Theory]
    [InlineData(0.29)]
    [InlineData(0.0)]
    public void Decide_BelowNoneThreshold_DoesNotKnow(double confidence)
    {
        Assert.Equal(AnswerDecision.None, Policy.Decide([Candidate("a", confidence)]).Decision);
    }

    [Fact]
    public void Decide_NoCandidates_DoesNotKnow()
    {
        Assert.Equal(AnswerDecision.None, Policy.Decide([]).Decision);
    }

    private static readonly AnswerPolicy FormPolicy = Policy with { FormThreshold = 0.4 };

    [Fact]
    public void Decide_WeakMatchForAQuestionNotShapedLikeAPrivacyQuestion_DoesNotKnow()
    {
        var (decision, chosen) = FormPolicy.Decide([Candidate("a", 0.35)], asksAboutPrivacy: () => false);

        Assert.Equal(AnswerDecision.None, decision);
        Assert.Empty(chosen);
    }

    [Fact]
    public void Decide_WeakMatchForAPrivacyQuestion_StillClarifies()
    {
        var (decision, chosen) = FormPolicy.Decide([Candidate("a", 0.35)], asksAboutPrivacy: () => true);

        Assert.Equal(AnswerDecision.Clarify, decision);
        Assert.Equal("a", Assert.Single(chosen).EntryId);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.45)]
    public void Decide_MatchAtOrAboveTheFormThreshold_ClarifiesWithoutAskingTheForm(double confidence)
    {
        var (decision, _) = FormPolicy.Decide([Candidate("a", confidence)], asksAboutPrivacy: () => throw new InvalidOperationException("the form was asked"));

        Assert.Equal(AnswerDecision.Clarify, decision);
    }

    [Fact]
    public void Decide_ConfidentAnswer_NeverAsksTheForm()
    {
        var (decision, _) = FormPolicy.Decide([Candidate("a", 0.8)], asksAboutPrivacy: () => throw new InvalidOperationException("the form was asked"));

        Assert.Equal(AnswerDecision.Answer, decision);
    }

    [Fact]
    public void Decide_WithoutAFormSignalOrWithThresholdZero_ClarifiesAsBefore()
    {
        Assert.Equal(AnswerDecision.Clarify, FormPolicy.Decide([Candidate("a", 0.35)]).Decision);
        Assert.Equal(AnswerDecision.Clarify, Policy.Decide([Candidate("a", 0.35)], asksAboutPrivacy: () => false).Decision);
    }

    private static readonly AnswerPolicy HowToPolicy = new(AnswerThreshold: 0.7, NoneThreshold: 0.2, ClarifyRatio: 0.9, FormThreshold: 0.3, HowToThreshold: 0.7);

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.69)]
    public void Decide_CardForAHowToQuestionBelowTheHowToThreshold_DoesNotKnow(double confidence)
    {
        var (decision, chosen) = HowToPolicy.Decide([Candidate("a", confidence)], 0, static _ => QuestionShape.HowTo);

        Assert.Equal(AnswerDecision.None, decision);
        Assert.Empty(chosen);
    }

    [Theory]
    [InlineData(QuestionShape.Privacy)]
    [InlineData(QuestionShape.Other)]
    public void Decide_CardAboveTheFormThresholdForAnyOtherShape_StillClarifies(QuestionShape shape)
    {
        var (decision, _) = HowToPolicy.Decide([Candidate("a", 0.5)], shape, static s => s);

        Assert.Equal(AnswerDecision.Clarify, decision);
    }

    [Fact]
    public void Decide_ConfidentAnswerToAHowToQuestion_NeverAsksTheShape()
    {
        var (decision, _) = HowToPolicy.Decide([Candidate("a", 0.8)], 0, static QuestionShape (_) => throw new InvalidOperationException("the shape was asked"));

        Assert.Equal(AnswerDecision.Answer, decision);
    }

    [Fact]
    public void Decide_HowToThresholdZero_LeavesAHowToCardAboveTheFormThreshold()
    {
        var (decision, _) = (HowToPolicy with { HowToThreshold = 0 }).Decide([Candidate("a", 0.5)], 0, static _ => QuestionShape.HowTo);

        Assert.Equal(AnswerDecision.Clarify, decision);
    }
}
