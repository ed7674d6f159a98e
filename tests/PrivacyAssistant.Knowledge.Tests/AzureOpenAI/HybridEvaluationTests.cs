using PrivacyAssistant.Knowledge.Answering;
using Xunit.Abstractions;
using PrivacyAssistant.Knowledge.Evaluation;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

/// <summary>
/// Both evaluation sets through the hybrid assistant (fake service: bag-of-words embeddings, a chat
/// reply citing the first entry). Model quality cannot be measured here; what is checked is that the
/// hybrid path keeps the product's promises on every question: no answer where the lexical search said
/// "none", no generated text without an answer, breach reports untouched and never sent.
/// </summary>
public sealed class HybridEvaluationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Sets => ["dev.tsv", "questions.tsv"];

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task EverySetQuestion_Hybrid_NeverTurnsNoneIntoAnAnswerNorTouchesBreaches(string set)
    {
        var engine = EvaluationSets.Product;
        var cases = EvaluationFile.Read(Path.Combine(EvaluationSets.Folder, set));
        await using var harness = await AssistantHarness.StartAsync(new() { ["AzureOpenAI:RateLimits:Enabled"] = "false" }, engine: engine);
        await harness.WarmAsync();

        var outcomes = new List<EvaluationOutcome>();
        foreach (var evaluationCase in cases)
        {
            var lexical = engine.Answerer.Ask(evaluationCase.Question);
            var sentBefore = harness.Server.Received;
            var hybrid = await harness.Assistant.AskAsync(evaluationCase.Question, null, null, CancellationToken.None);
            outcomes.Add(KnowledgeEvaluator.Outcome(evaluationCase, hybrid.Answer));

            Assert.Null(hybrid.Fallback is "timeout" or "service-error" or "circuit-open" ? hybrid.Fallback : null);
            if (lexical.Decision == AnswerDecision.Breach)
            {
                Assert.Equal(AnswerDecision.Breach, hybrid.Answer.Decision);
                Assert.Equal(sentBefore, harness.Server.Received);
            }
            else
            {
                Assert.NotEqual(AnswerDecision.Breach, hybrid.Answer.Decision);
            }

            if (lexical.Decision == AnswerDecision.None)
            {
                Assert.NotEqual(AnswerDecision.Answer, hybrid.Answer.Decision);
            }

            if (hybrid.Generated is not null)
            {
                Assert.Equal(AnswerDecision.Answer, hybrid.Answer.Decision);
                Assert.Contains(hybrid.Answer.Entry!, hybrid.Generated.Sources);
            }
        }

        var lexicalReport = KnowledgeEvaluator.Run(engine.Answerer, cases);
        var hybridReport = new EvaluationReport(outcomes);
        output.WriteLine($"{set}: lexical {lexicalReport.Passed}/{cases.Count}, hybrid with the fake service {hybridReport.Passed}/{cases.Count} (plumbing, not model quality)");
        Assert.True(
            hybridReport.ConfidentOffTopic <= lexicalReport.ConfidentOffTopic,
            $"{set}: hybrid answered {hybridReport.ConfidentOffTopic} off-topic questions, lexical {lexicalReport.ConfidentOffTopic}");
    }
}
