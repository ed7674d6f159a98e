using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

public sealed class KnowledgeAnswererTests
{
    private static IKnowledgeAnswerer Answerer => TestKnowledge.Fixture.Answerer;

    [Fact]
    public void Ask_WellMatchedDutchQuestion_AnswersInDutch()
    {
        var answer = Answerer.Ask("Mag ik foto's van de klas op de website zetten?");

        Assert.Equal(AnswerDecision.Answer, answer.Decision);
        Assert.Equal("beeldmateriaal", answer.Entry?.Id);
        Assert.Equal(KnowledgeLanguage.Dutch, answer.Language);
    }

    [Fact]
    public void Ask_EnglishQuestion_AnswersInEnglishFromTheSameEntry()
    {
        var answer = Answerer.Ask("Can I put photos of my class on the website?");

        Assert.Equal(AnswerDecision.Answer, answer.Decision);
        Assert.Equal("beeldmateriaal", answer.Entry?.Id);
        Assert.Equal(KnowledgeLanguage.English, answer.Language);
    }

    [Fact]
    public void Ask_DutchQuestionFromEnglishLocale_RepliesInDutch()
    {
        var answer = Answerer.Ask("mag ik foto's van de klas op de website zetten", KnowledgeLanguage.English);

        Assert.Equal("beeldmateriaal", answer.Entry?.Id);
        Assert.Equal(KnowledgeLanguage.Dutch, answer.Language);
    }

    [Fact]
    public void Ask_QuestionWithoutLanguageSigns_FollowsTheClientLanguage()
    {
        Assert.Equal(KnowledgeLanguage.English, Answerer.Ask("AVG", KnowledgeLanguage.English).Language);
        Assert.Equal(KnowledgeLanguage.Dutch, Answerer.Ask("AVG").Language);
    }

    [Fact]
    public void Ask_BreachReport_IsRecognisedBeforeRetrieval()
    {
        var answer = Answerer.Ask("help, mijn laptop is gestolen");

        Assert.Equal(AnswerDecision.Breach, answer.Decision);
        Assert.Equal("datalek", answer.Entry?.Id);
        Assert.Equal(2, answer.Breach?.Line);
    }

    [Fact]
    public void Ask_GeneralQuestionAboutBreaches_GetsTheBreachEntry()
    {
        var answer = Answerer.Ask("wat is een datalek?");

        Assert.Equal(AnswerDecision.Answer, answer.Decision);
        Assert.Equal("datalek", answer.Entry?.Id);
    }

    [Fact]
    public void Ask_OffTopic_DoesNotKnow()
    {
        var answer = Answerer.Ask("hoe laat begint de kerstviering?");

        Assert.Equal(AnswerDecision.None, answer.Decision);
        Assert.Null(answer.Entry);
    }

    [Fact]
    public void Ask_Empty_DoesNotKnow()
    {
        Assert.Equal(AnswerDecision.None, Answerer.Ask("   ").Decision);
        Assert.Equal(AnswerDecision.None, Answerer.Ask("?!").Decision);
    }

    [Fact]
    public void Ask_QuestionAboutBreaches_PrefersTheBreachEntryWhenItIsPlausible()
    {
        const string question = "hoe lang bewaren we de gegevens van een datalek";

        var plain = WithBreachPatterns("laptop + kwijt\n").Ask(question);
        var withTopic = WithBreachPatterns("laptop + kwijt\n?datalek\n").Ask(question);

        Assert.NotEqual(KnowledgeAnswerer.BreachEntryId, plain.Entry?.Id);
        Assert.Equal(KnowledgeAnswerer.BreachEntryId, withTopic.Entry?.Id);
        Assert.NotEqual(AnswerDecision.Breach, withTopic.Decision);
    }

    [Fact]
    public void Ask_QuestionAboutBreachesTheFaqCannotPlace_OffersTheBreachEntryInsteadOfNothing()
    {
        // Words no entry has, but a "?" line names them as a breach subject: a card with the breach entry, never a report.
        const string question = "ik heb op zo'n phishing link geklikt, en nu";

        var plain = WithBreachPatterns("laptop + kwijt\n").Ask(question);
        var withTopic = WithBreachPatterns("laptop + kwijt\n?phishing\n").Ask(question);

        Assert.Equal(AnswerDecision.None, plain.Decision);
        Assert.Equal(AnswerDecision.Clarify, withTopic.Decision);
        Assert.Equal([KnowledgeAnswerer.BreachEntryId], withTopic.Options.Select(e => e.Id));
    }

    [Fact]
    public void Ask_QuestionWithANameAndAnAddress_IsAsSureAsWithoutThem()
    {
        var plain = Answerer.Ask("mag ik een foto van een leerling publiceren");
        var named = Answerer.Ask("mag ik een foto van Daan Jansen (daan.jansen@example.com) publiceren");

        Assert.Equal(plain.Entry?.Id, named.Entry?.Id);
        Assert.Equal(plain.Decision, named.Decision);
        Assert.True(named.Confidence >= plain.Confidence - 0.01, $"{named.Confidence} vs {plain.Confidence}");
    }

    // The fixture's answerer with its own breach patterns, to compare a question with and without a "?" topic line.
    private static KnowledgeAnswerer WithBreachPatterns(string patterns)
    {
        var engine = TestKnowledge.Fixture;
        return new KnowledgeAnswerer(
            engine.Knowledge,
            engine.Retriever,
            new BreachIntentDetector(patterns, engine.Index.Analysis(KnowledgeLanguage.Dutch), engine.Index.Analysis(KnowledgeLanguage.English)),
            engine.Policy);
    }
}
