using PrivacyAssistant.Knowledge.Answering;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class AnswerDecisionNamesTests
{
    [Fact]
    public void ToWire_OfEveryDecision_IsItsNameInLowercase()
    {
        foreach (var decision in Enum.GetValues<AnswerDecision>())
        {
            Assert.Equal(decision.ToString().ToLowerInvariant(), decision.ToWire());
        }
    }

    [Fact]
    public void ToWire_OfEveryDecision_IsTheSameStringEachTime() =>
        Assert.All(Enum.GetValues<AnswerDecision>(), decision => Assert.Same(decision.ToWire(), decision.ToWire()));
}
