using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>The out-of-scope topics (<c>knowledge/out-of-scope.txt</c>) in the answerer, on the shipped knowledge.</summary>
public sealed class KnowledgeAnswererOutOfScopeTests
{
    private static KnowledgeEngine Product => EvaluationSets.Product;

    // The same engine without the topics: what the answer was before them.
    private static readonly Lazy<KnowledgeAnswerer> WithoutTopics = new(() =>
        new KnowledgeAnswerer(Product.Knowledge, Product.Retriever, Product.BreachIntents, Product.Policy));

    // Without topics but with the example questions (session 12), for the tests comparing an entry that is kept.
    private static readonly Lazy<KnowledgeAnswerer> WithoutTopicsWithExamples = new(() =>
        new KnowledgeAnswerer(Product.Knowledge, Product.Retriever, Product.BreachIntents, Product.Policy, examples: Product.Examples, examplePolicy: Product.ExamplePolicy));

    [Theory]
    [InlineData("wanneer gaat de kantine open")]
    [InlineData("kun je een mop vertellen")]
    [InlineData("my password for the school account does not work anymore")]
    [InlineData("tell me a funny joke")]
    [InlineData("hoe verleng ik mijn contract")]
    [InlineData("hoe open ik de gedeelde schijf")]
    [InlineData("how do I add a meeting to the shared calendar")]
    [InlineData("ik ben mijn sleutels kwijt")]
    [InlineData("de printer in de teamkamer geeft een foutmelding")]
    [InlineData("when will the results be published")]
    [InlineData("how do I add a shared calendar to outlook")] // the entry's "add" is a school word: no evidence the topic must explain
    [InlineData("waarom kunnen leerlingen niet inloggen op de wifi")]
    [InlineData("wie is bij ons de vertrouwenspersoon voor personeel")]
    [InlineData("hoe stuur ik een bericht aan de ouders via magister")] // not a report either: it asks how to send
    [InlineData("hoe zet ik een bestand om naar pdf")]
    [InlineData("waarom komt de mail van een collega steeds in de spam")]
    public void Ask_QuestionAnOutOfScopeTopicExplains_IsNoneInsteadOfBedoelJe(string question)
    {
        var before = WithoutTopics.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.Equal(AnswerDecision.Clarify, before.Decision);
        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.Null(answer.Entry);
        Assert.Empty(answer.Options);
        var topic = Assert.IsType<OutOfScopeMatch>(answer.OutOfScope);
        Assert.True(topic.Coverage > answer.Confidence, $"topic line {topic.Topic.Line} explains {topic.Coverage:0.000}, the entry {answer.Confidence:0.000}");
    }

    [Theory]
    [InlineData("valt een rooster met leerlingnamen onder persoonsgegevens", "persoonsgegevens")]
    [InlineData("mag ik leerlinggegevens op mijn laptop zetten", null)]
    [InlineData("can I store grades of my class on my own laptop", null)]
    [InlineData("can I share my screen in teams when student data is visible", null)] // why screen sharing is no topic: "data" weighs little
    public void Ask_PrivacyQuestionWithOutOfScopeWords_KeepsItsEntry(string question, string? entry)
    {
        var before = WithoutTopicsWithExamples.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.NotEqual(AnswerDecision.None, answer.Decision);
        Assert.Null(answer.OutOfScope);
        Assert.Equal(before.Decision, answer.Decision);
        Assert.Equal(before.Entry?.Id, answer.Entry?.Id);
        if (entry is not null)
        {
            Assert.Equal(entry, answer.Entry?.Id);
        }
    }

    // Session 14: "fotograaf" is journalisten's word, so arranging the school photographer got that entry, even as a
    // confident answer; the photographer topic takes it, while what may be done with the pictures stays a privacy question.
    [Theory]
    [InlineData("in welk lokaal kan de schoolfotograaf staan")]
    [InlineData("de fotograaf vraagt hoeveel klassen we hebben")]
    public void Ask_ArrangingTheSchoolPhotographer_IsOutOfScope(string question)
    {
        var before = WithoutTopicsWithExamples.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.Equal("journalisten", before.Entry?.Id);
        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.NotNull(answer.OutOfScope);
    }

    [Theory]
    [InlineData("mag de schoolfotograaf de klassenfoto's op zijn eigen site zetten", "beeldmateriaal")]
    [InlineData("moet de schoolfotograaf een verwerkersovereenkomst tekenen", "verwerkersovereenkomst")]
    public void Ask_PrivacyQuestionAboutTheSchoolPhotographer_KeepsItsEntry(string question, string entry)
    {
        var answer = Product.Answerer.Ask(question);

        Assert.Null(answer.OutOfScope);
        Assert.Equal(entry, answer.Entry?.Id);
    }

    [Theory]
    [InlineData("ik heb mijn wachtwoord gedeeld met een leerling")]
    [InlineData("mijn laptop met cijferlijsten is gestolen uit de kantine")]
    public void Ask_BreachReportWithOutOfScopeWords_IsStillABreach(string question)
    {
        var answer = Product.Answerer.Ask(question);

        Assert.Equal(AnswerDecision.Breach, answer.Decision);
        Assert.Null(answer.OutOfScope);
    }

    [Fact]
    public void Ask_ConfidentAnswer_IsNeverOverruled()
    {
        // "printer" and "scannen" are words of an ICT topic, but the entry explains the question well.
        var question = "mag een leverancier van printers bij gescande leerlingdossiers zonder verwerkersovereenkomst";
        var before = WithoutTopics.Value.Ask(question);
        var answer = Product.Answerer.Ask(question);

        Assert.Equal(before.Decision, answer.Decision);
        Assert.Equal(before.Entry?.Id, answer.Entry?.Id);
        Assert.Null(answer.OutOfScope);
    }
}
