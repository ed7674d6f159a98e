using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class OutOfScopeRuleTests
{
    private static readonly OutOfScopeRule Rule = new(Margin: 0.1, MinimumCoverage: 0.5, MaxUnexplained: 0.5);

    private static OutOfScopeMatch Match(double coverage, double unexplained = 0) =>
        new(new OutOfScopeTopic(["kantine open"], 3), coverage, unexplained);

    [Theory]
    [InlineData(AnswerDecision.Clarify)]
    [InlineData(AnswerDecision.None)]
    public void Overrules_TopicExplainingClearlyMoreThanAnUnsureEntry_Wins(AnswerDecision decision)
    {
        Assert.True(Rule.Overrules(decision, bestConfidence: 0.3, Match(coverage: 0.8)));
    }

    [Theory]
    [InlineData(AnswerDecision.Answer)]
    [InlineData(AnswerDecision.Breach)]
    public void Overrules_ConfidentAnswerOrBreachReport_Never(AnswerDecision decision)
    {
        Assert.False(Rule.Overrules(decision, bestConfidence: 0.1, Match(coverage: 1.0)));
    }

    [Fact]
    public void Overrules_ConfidentAnswerToAQuestionNotShapedLikeAPrivacyQuestion_WhenTheTopicExplainsIt()
    {
        // No margin over the answer's confidence: the topic needs only to explain half the question and most of the entry's evidence.
        Assert.True(Rule.Overrules(AnswerDecision.Answer, bestConfidence: 0.85, Match(coverage: 0.7, unexplained: 0.3), privacyShaped: false));
        Assert.False(Rule.Overrules(AnswerDecision.Answer, bestConfidence: 0.85, Match(coverage: 0.7, unexplained: 0.3), privacyShaped: true));
        Assert.False(Rule.Overrules(AnswerDecision.Answer, bestConfidence: 0.85, Match(coverage: 0.4), privacyShaped: false));
        Assert.False(Rule.Overrules(AnswerDecision.Answer, bestConfidence: 0.85, Match(coverage: 0.7, unexplained: 0.6), privacyShaped: false));
        Assert.False(Rule.Overrules(AnswerDecision.Breach, bestConfidence: 0.85, Match(coverage: 1.0), privacyShaped: false));
    }

    [Fact]
    public void Overrules_NoTopicSharesAWord_DoesNot()
    {
        Assert.False(Rule.Overrules(AnswerDecision.Clarify, bestConfidence: 0.3, match: null));
    }

    [Theory]
    [InlineData(0.49, 0.1)] // the topic explains less than half the question
    [InlineData(0.55, 0.5)] // not clearly more than the entry (margin 0.1)
    public void Overrules_TopicNotClearlyBetter_DoesNot(double coverage, double bestConfidence)
    {
        Assert.False(Rule.Overrules(AnswerDecision.Clarify, bestConfidence, Match(coverage)));
    }

    [Fact]
    public void Overrules_AtTheBoundaries_Wins()
    {
        Assert.True(Rule.Overrules(AnswerDecision.Clarify, bestConfidence: 0.4, Match(coverage: 0.5, unexplained: 0.5)));
    }

    [Fact]
    public void Overrules_EntryMatchedMostlyWordsTheTopicLacks_KeepsTheEntry()
    {
        // "valt een rooster met leerlingnamen onder persoonsgegevens": the timetable topic explains most
        // of the question, but the entry's evidence ("persoonsgegevens") is not a timetable word.
        Assert.False(Rule.Overrules(AnswerDecision.Clarify, bestConfidence: 0.3, Match(coverage: 0.9, unexplained: 0.51)));
    }
}
