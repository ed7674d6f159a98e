using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Evaluation;

public sealed class FailureClassTests
{
    private static EvaluationOutcome Outcome(string expected, AnswerDecision decision, string? entryId = null, params string[] options) =>
        new(new EvaluationCase(1, expected, "vraag"), decision, entryId, 0.5, options);

    private static KnowledgeEntry Entry(string id)
    {
        var content = new LocalizedContent(id, [], [], "");
        return new KnowledgeEntry(id, content, content, [], [], null, []);
    }

    [Fact]
    public void Failure_OfAPassedQuestion_IsNull()
    {
        Assert.Null(Outcome("toestemming", AnswerDecision.Clarify, "toestemming", "toestemming", "beeldmateriaal").Failure);
        Assert.Null(Outcome(EvaluationCase.None, AnswerDecision.None).Failure);
        Assert.Null(Outcome(EvaluationCase.Breach, AnswerDecision.Breach, "datalek").Failure);
    }

    [Fact]
    public void Failure_OfACardLedByTheNeighbourWithTheExpectedEntrySecond_IsClarifyExpectedSecond()
    {
        var outcome = Outcome("informatieplicht", AnswerDecision.Clarify, "transparantie", "transparantie", "informatieplicht");

        Assert.Equal(FailureClass.ClarifyExpectedSecond, outcome.Failure);
    }

    [Fact]
    public void Failure_OfACardWithoutTheExpectedEntry_IsClarifyWithoutExpected()
    {
        Assert.Equal(FailureClass.ClarifyWithoutExpected, Outcome("informatieplicht", AnswerDecision.Clarify, "transparantie", "transparantie", "doelbinding").Failure);
        Assert.Equal(FailureClass.ClarifyWithoutExpected, Outcome("informatieplicht", AnswerDecision.Clarify, "transparantie", "transparantie").Failure);
    }

    [Theory]
    [InlineData("informatieplicht", AnswerDecision.Answer, "transparantie", FailureClass.WrongAnswer)]
    [InlineData("informatieplicht", AnswerDecision.None, null, FailureClass.EntryNone)]
    [InlineData("informatieplicht", AnswerDecision.Breach, "datalek", FailureClass.EntryTakenForReport)]
    [InlineData(EvaluationCase.None, AnswerDecision.Clarify, "transparantie", FailureClass.OffTopicClarified)]
    [InlineData(EvaluationCase.None, AnswerDecision.Answer, "transparantie", FailureClass.OffTopicAnswered)]
    [InlineData(EvaluationCase.None, AnswerDecision.Breach, "datalek", FailureClass.OffTopicTakenForReport)]
    [InlineData(EvaluationCase.Breach, AnswerDecision.Answer, "datalek", FailureClass.ReportMissed)]
    [InlineData(EvaluationCase.Breach, AnswerDecision.Clarify, "datalek", FailureClass.ReportMissed)]
    [InlineData(EvaluationCase.Breach, AnswerDecision.None, null, FailureClass.ReportMissed)]
    public void Failure_NamesWhatWentWrong(string expected, AnswerDecision decision, string? entryId, FailureClass failure)
    {
        Assert.Equal(failure, Outcome(expected, decision, entryId).Failure);
    }

    [Fact]
    public void Report_CountsEveryClassInOrderIncludingZeros()
    {
        var report = new EvaluationReport(
        [
            Outcome("informatieplicht", AnswerDecision.None),
            Outcome("toestemming", AnswerDecision.None),
            Outcome(EvaluationCase.None, AnswerDecision.Clarify, "transparantie", "transparantie"),
            Outcome("doelbinding", AnswerDecision.Answer, "doelbinding"),
        ]);

        Assert.Equal(Enum.GetValues<FailureClass>(), report.FailureClasses.Select(c => c.Class));
        Assert.Equal(2, report.FailureClasses.Single(c => c.Class == FailureClass.EntryNone).Count);
        Assert.Equal(1, report.FailureClasses.Single(c => c.Class == FailureClass.OffTopicClarified).Count);
        Assert.Equal(report.Failed, report.FailureClasses.Sum(c => c.Count));
    }

    [Fact]
    public void Evaluator_KeepsTheCardsOptionsInTheirOrder()
    {
        var answer = new KnowledgeAnswer(AnswerDecision.Clarify, KnowledgeLanguage.Dutch, Entry("transparantie"),
            [Entry("transparantie"), Entry("informatieplicht")], 0.5, null, null);

        var outcome = KnowledgeEvaluator.Outcome(new EvaluationCase(1, "informatieplicht", "vraag"), answer);

        Assert.Equal(["transparantie", "informatieplicht"], outcome.OptionIds);
        Assert.Equal(FailureClass.ClarifyExpectedSecond, outcome.Failure);
    }
}
