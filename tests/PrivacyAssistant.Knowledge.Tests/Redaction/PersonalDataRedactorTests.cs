using PrivacyAssistant.Knowledge.Redaction;

namespace PrivacyAssistant.Knowledge.Tests.Redaction;

public sealed class PersonalDataRedactorTests
{
    private static readonly PersonalDataRedactor Redactor = PersonalDataRedactor.For(TestKnowledge.Fixture.Knowledge, TestKnowledge.Fixture.Index.StopWords);

    [Theory]
    [InlineData("mail van p.de.vries@ouders.example.com over de foto", "p.de.vries@ouders.example.com", PersonalDataKind.Email)]
    [InlineData("bel de moeder op 06-12345678 terug", "06-12345678", PersonalDataKind.Phone)]
    [InlineData("bel de moeder op 06 1234 5678 terug", "06 1234 5678", PersonalDataKind.Phone)]
    [InlineData("vader: +31 6 12345678", "+31 6 12345678", PersonalDataKind.Phone)]
    [InlineData("school belt 020-1234567", "020-1234567", PersonalDataKind.Phone)]
    [InlineData("zijn bsn is 123456782 toch", "123456782", PersonalDataKind.BsnLikeNumber)]
    [InlineData("bsn 1234.56.782 staat erop", "1234.56.782", PersonalDataKind.BsnLikeNumber)]
    [InlineData("bsn 123 456 782 staat erop", "123 456 782", PersonalDataKind.BsnLikeNumber)]
    [InlineData("leerlingnummer 4512 klopt niet", "4512", PersonalDataKind.StudentNumber)]
    [InlineData("llnr: s20231456 in Magister", "s20231456", PersonalDataKind.StudentNumber)]
    [InlineData("het dossier van 204531 opvragen", "204531", PersonalDataKind.StudentNumber)]
    [InlineData("geboren op 14-03-2011 in Utrecht", "14-03-2011", PersonalDataKind.Date)]
    [InlineData("geboortedatum 2011-03-14", "2011-03-14", PersonalDataKind.Date)]
    [InlineData("geboren 3 maart 2011", "3 maart 2011", PersonalDataKind.Date)]
    [InlineData("born March 3, 2011", "March 3, 2011", PersonalDataKind.Date)]
    public void Redact_NumbersAndAddresses_AreReplacedByTheirPlaceholder(string text, string value, PersonalDataKind kind)
    {
        var redacted = Redactor.Redact(text);

        Assert.DoesNotContain(value, redacted.Text);
        var redaction = Assert.Single(redacted.Redactions, r => r.Kind == kind);
        Assert.Equal(value, redaction.Original);
        Assert.Contains(redaction.Placeholder, redacted.Text);
    }

    [Theory]
    [InlineData("Mag ik de foto van Daan op Instagram zetten?", "Daan")]
    [InlineData("mag ik het cijfer van daan doorsturen", "daan")]
    [InlineData("Mag ik het verslag over Sven Öztürk delen met de GGD?", "Sven Öztürk")]
    [InlineData("Kan ik de map van Jan van der Berg delen?", "Jan van der Berg")]
    [InlineData("ik heb juf Petra gemaild over haar klas", "Petra")]
    [InlineData("mevrouw de Boer wil de cijfers zien", "Boer")]
    [InlineData("Fatima Yilmaz is haar laptop kwijt", "Fatima Yilmaz")]
    [InlineData("Can I share John's report with his parents?", "John's")]
    public void Redact_Names_AreReplaced(string text, string name)
    {
        var redacted = Redactor.Redact(text);

        Assert.DoesNotContain(name, redacted.Text);
        Assert.Contains("[NAAM-1]", redacted.Text);
        Assert.Equal(name, Assert.Single(redacted.Redactions).Original);
    }

    [Theory]
    [InlineData("Mag ik foto's van de klas op de website zetten?")]
    [InlineData("Wat is een datalek en binnen 72 uur melden?")]
    [InlineData("Hoe lang bewaren we een OSO-dossier? AVG artikel 5")]
    [InlineData("Can I share photos of my class on the website?")]
    public void Redact_QuestionsWithoutPersonalData_AreLeftAlone(string text)
    {
        var redacted = Redactor.Redact(text);

        Assert.Equal(text, redacted.Text);
        Assert.Empty(redacted.Redactions);
    }

    [Fact]
    public void Redact_SameValueTwice_GetsTheSamePlaceholderAndRestoreFillsItBack()
    {
        var redacted = Redactor.Redact("Daan zegt dat Daan Bakker en Sam ziek zijn");

        Assert.Equal("[NAAM-1] zegt dat [NAAM-2] en [NAAM-3] ziek zijn", redacted.Text);
        Assert.Equal("Vraag Sam en Daan Bakker zelf.", redacted.Restore("Vraag [NAAM-3] en [NAAM-2] zelf."));
    }
}
