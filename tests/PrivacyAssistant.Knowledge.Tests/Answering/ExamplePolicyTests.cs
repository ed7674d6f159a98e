using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class ExamplePolicyTests
{
    private static readonly ExamplePolicy Policy = new(AnswerSupport: 0.3, NoneSupport: 0.12, CardSupport: 0.1, RescueSupport: 0.18);

    [Theory]
    [InlineData(AnswerDecision.Answer)]
    [InlineData(AnswerDecision.Breach)]
    public void Decide_ConfidentAnswerOrBreach_IsNeverChanged(AnswerDecision decision)
    {
        Assert.False(Policy.Consulted(decision));
        Assert.Equal((decision, null), Policy.Decide(decision, "datalek", new ExampleVerdict("beeldmateriaal", 0.9)));
        Assert.Equal((decision, null), Policy.Decide(decision, "datalek", new ExampleVerdict(null, 0.9)));
    }

    [Fact]
    public void Decide_CardWhoseFirstOptionTheExamplesSupportStrongly_BecomesTheAnswer()
    {
        var (decision, ids) = Policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict("datalek", 0.3));

        Assert.Equal(AnswerDecision.Answer, decision);
        Assert.Equal(["datalek"], ids);
    }

    [Fact]
    public void Decide_CardWhoseFirstOptionTheExamplesSupportWeakly_StaysTheCard()
    {
        Assert.Equal((AnswerDecision.Clarify, null), Policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict("datalek", 0.29)));
    }

    [Fact]
    public void Decide_CardTheExamplesCallOutsidePrivacy_BecomesNone()
    {
        var (decision, ids) = Policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict(null, 0.12));

        Assert.Equal(AnswerDecision.None, decision);
        Assert.Empty(ids!);
        Assert.Equal((AnswerDecision.Clarify, null), Policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict(null, 0.11)));
    }

    [Fact]
    public void Decide_CardLedByAnotherEntry_PutsTheExamplesEntryFirstAndTheFaqsBestSecond()
    {
        var (decision, ids) = Policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict("beeldmateriaal", 0.1));

        Assert.Equal(AnswerDecision.Clarify, decision);
        Assert.Equal(["beeldmateriaal", "datalek"], ids);
        Assert.Equal((AnswerDecision.Clarify, null), Policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict("beeldmateriaal", 0.09)));
    }

    [Fact]
    public void Decide_NoneTheExamplesGiveAnEntry_BecomesACardNeverAnAnswer()
    {
        var (decision, ids) = Policy.Decide(AnswerDecision.None, null, new ExampleVerdict("beeldmateriaal", 0.95));

        Assert.Equal(AnswerDecision.Clarify, decision);
        Assert.Equal(["beeldmateriaal"], ids);
        Assert.Equal((AnswerDecision.None, null), Policy.Decide(AnswerDecision.None, null, new ExampleVerdict("beeldmateriaal", 0.17)));
    }

    [Fact]
    public void Decide_NoneWhoseNearestTextIsOutsidePrivacy_IsNotRescued()
    {
        var policy = Policy with { NearestNoneVeto = 0.4 };
        var nearOffTopic = new ExampleVerdict("beeldmateriaal", 0.3) { NearestNoneSimilarity = 0.4 };
        var looselyOffTopic = new ExampleVerdict("beeldmateriaal", 0.3) { NearestNoneSimilarity = 0.39 };

        Assert.Equal((AnswerDecision.None, null), policy.Decide(AnswerDecision.None, null, nearOffTopic));
        Assert.Equal(["beeldmateriaal"], policy.Decide(AnswerDecision.None, null, looselyOffTopic).EntryIds);
        Assert.Equal(["beeldmateriaal"], Policy.Decide(AnswerDecision.None, null, nearOffTopic).EntryIds);
    }

    [Fact]
    public void Decide_CardWhoseNearestTextIsOutsidePrivacy_IsNotChangedByTheVeto()
    {
        var policy = Policy with { NearestNoneVeto = 0.4 };

        Assert.Equal(
            (AnswerDecision.Clarify, null),
            policy.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict("datalek", 0.2) { NearestNoneSimilarity = 0.9 }));
    }

    [Fact]
    public void Decide_NoneTheExamplesCallOutsidePrivacyOrCannotPlace_StaysNone()
    {
        Assert.Equal((AnswerDecision.None, null), Policy.Decide(AnswerDecision.None, null, new ExampleVerdict(null, 0.9)));
        Assert.Equal((AnswerDecision.None, null), Policy.Decide(AnswerDecision.None, null, default));
        Assert.Equal((AnswerDecision.Clarify, null), Policy.Decide(AnswerDecision.Clarify, "datalek", default));
    }

    [Fact]
    public void Decide_RulesAtZero_AreOff()
    {
        var off = ExamplePolicy.Off;

        Assert.False(off.Consulted(AnswerDecision.Clarify));
        Assert.False(off.Consulted(AnswerDecision.None));
        Assert.Equal((AnswerDecision.Clarify, null), off.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict("datalek", 1)));
        Assert.Equal((AnswerDecision.Clarify, null), off.Decide(AnswerDecision.Clarify, "datalek", new ExampleVerdict(null, 1)));
        Assert.Equal((AnswerDecision.None, null), off.Decide(AnswerDecision.None, null, new ExampleVerdict("datalek", 1)));
    }

    [Fact]
    public void From_Options_TakesTheExampleThresholds()
    {
        var policy = ExamplePolicy.From(new KnowledgeOptions { ExamplesAnswerSupport = 0.4, ExamplesNoneSupport = 0.2, ExamplesCardSupport = 0.15, ExamplesRescueSupport = 0.25, ExamplesNearestNoneVeto = 0.35 });

        Assert.Equal(new ExamplePolicy(0.4, 0.2, 0.15, 0.25, 0.35), policy);
    }
}
