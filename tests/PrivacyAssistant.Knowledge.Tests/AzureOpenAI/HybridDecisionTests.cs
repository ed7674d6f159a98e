using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.AzureOpenAI;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

public sealed class HybridDecisionTests
{
    private static readonly KnowledgeEngine Engine = TestKnowledge.Fixture;
    private static readonly HybridRetrievalOptions Options = new() { AgreeSimilarity = 0.8, SuggestSimilarity = 0.85 };

    [Fact]
    public void Fuse_EntryRankedHighByBoth_ComesFirst()
    {
        RankedCandidate[] lexical = [Candidate("datalek", 0.5), Candidate("beeldmateriaal", 0.4), Candidate("persoonsgegevens", 0.3)];
        (string, double)[] vector = [("beeldmateriaal", 0.9), ("persoonsgegevens", 0.7), ("datalek", 0.2)];

        var fused = ReciprocalRankFusion.Fuse(lexical, vector, k: 60);

        Assert.Equal(["beeldmateriaal", "datalek", "persoonsgegevens"], fused.Select(c => c.EntryId));
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[0].Score, 10);
        Assert.Equal(0.4, fused[0].LexicalConfidence);
        Assert.Equal(0.9, fused[0].Similarity);
    }

    [Fact]
    public void Fuse_EntryOnlyTheVectorFound_IsIncludedWithoutLexicalConfidence()
    {
        var fused = ReciprocalRankFusion.Fuse([Candidate("datalek", 0.5)], [("bewaartermijnen", 0.95)], k: 60);

        var vectorOnly = Assert.Single(fused, c => c.EntryId == "bewaartermijnen");
        Assert.Equal(0, vectorOnly.LexicalConfidence);
        Assert.Equal("datalek", fused[0].EntryId);
    }

    [Fact]
    public void Decide_LexicalNone_WithAStrongVectorMatch_BecomesBedoelJeNeverAnAnswer()
    {
        var none = Engine.Answerer.Ask("hoe laat begint de kerstviering?");
        Assert.Equal(AnswerDecision.None, none.Decision);
        (string, double)[] vector = [("bewaartermijnen", 0.99), ("datalek", 0.2)];

        var decided = HybridDecision.Decide(none, ReciprocalRankFusion.Fuse([], vector, 60), vector, Engine.Knowledge, Engine.Policy, Options);

        Assert.Equal(AnswerDecision.Clarify, decided.Decision);
        Assert.Equal(["bewaartermijnen"], decided.Options.Select(o => o.Id));
    }

    [Fact]
    public void Decide_LexicalNoneFromAnOutOfScopeTopic_StaysNoneDespiteAStrongVectorMatch()
    {
        var none = Engine.Answerer.Ask("hoe laat begint de kerstviering?") with
        {
            OutOfScope = new OutOfScopeMatch(new OutOfScopeTopic(["kerstviering", "sportdag"], 12), Coverage: 0.9, Unexplained: 0),
        };
        (string, double)[] vector = [("bewaartermijnen", 0.99), ("datalek", 0.2)];

        var decided = HybridDecision.Decide(none, ReciprocalRankFusion.Fuse([], vector, 60), vector, Engine.Knowledge, Engine.Policy, Options);

        Assert.Equal(AnswerDecision.None, decided.Decision);
        Assert.Null(decided.Entry);
        Assert.Empty(decided.Options);
    }

    [Fact]
    public void Decide_LexicalNone_WithAWeakVectorMatch_StaysNone()
    {
        var none = Engine.Answerer.Ask("hoe laat begint de kerstviering?");
        (string, double)[] vector = [("bewaartermijnen", 0.6)];

        var decided = HybridDecision.Decide(none, ReciprocalRankFusion.Fuse([], vector, 60), vector, Engine.Knowledge, Engine.Policy, Options);

        Assert.Equal(AnswerDecision.None, decided.Decision);
        Assert.Null(decided.Entry);
    }

    [Fact]
    public void Decide_LexicalAnswer_IsKeptWhateverTheVectorSays()
    {
        var answer = Engine.Answerer.Ask("Mag ik foto's van de klas op de website zetten?");
        (string, double)[] vector = [("datalek", 0.99)];

        var decided = HybridDecision.Decide(answer, ReciprocalRankFusion.Fuse(answer.Retrieval!.Candidates, vector, 60), vector, Engine.Knowledge, Engine.Policy, Options);

        Assert.Same(answer, decided);
    }

    [Fact]
    public void Decide_LexicalClarify_BecomesAnAnswerOnlyWhenBothAgreeStrongly()
    {
        RankedCandidate[] candidates = [Candidate("bewaartermijnen", 0.5), Candidate("overstapdossier", 0.45)];
        var (decision, chosen) = Engine.Policy.Decide(candidates);
        Assert.Equal(AnswerDecision.Clarify, decision);
        var entries = chosen.Select(c => Engine.Knowledge.Get(c.EntryId)).ToList();
        var clarify = new KnowledgeAnswer(decision, KnowledgeLanguage.Dutch, entries[0], entries, 0.5, new RetrievalResult(KnowledgeLanguage.Dutch, [], candidates), null);
        var top = "bewaartermijnen";
        (string, double)[] agree = [(top, 0.9)];
        (string, double)[] weak = [(top, 0.5)];

        var agreed = HybridDecision.Decide(clarify, ReciprocalRankFusion.Fuse(clarify.Retrieval!.Candidates, agree, 60), agree, Engine.Knowledge, Engine.Policy, Options);
        var notSure = HybridDecision.Decide(clarify, ReciprocalRankFusion.Fuse(clarify.Retrieval!.Candidates, weak, 60), weak, Engine.Knowledge, Engine.Policy, Options);

        Assert.Equal(AnswerDecision.Answer, agreed.Decision);
        Assert.Equal(top, agreed.Entry?.Id);
        Assert.Equal(AnswerDecision.Clarify, notSure.Decision);
    }

    private static RankedCandidate Candidate(string id, double confidence) => new(id, confidence * 10, confidence, []);
}
