using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Entries;

public sealed class PlaceholderFillerTests
{
    [Fact]
    public void Fill_KnownNames_UsesSchoolValuesCaseInsensitively()
    {
        var filler = new PlaceholderFiller(new SchoolOptions());
        var unknown = new List<string>();

        var text = filler.Fill("Mail {{ privacyDesk.email }} of lees {{LINKS.PRIVACYPAGE}} van {{school.name}} ({{school.shortName}}).", KnowledgeLanguage.Dutch, unknown);

        Assert.Equal("Mail meldpuntAVG@cswalcheren.nl of lees https://www.cswalcheren.nl/privacy van Christelijke Scholengemeenschap Walcheren (CSW).", text);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Fill_OfficerName_FollowsTheLanguageOfTheText()
    {
        var school = new SchoolOptions();
        school.PrivacyOfficer.Name = "mevrouw De Vries (FG)";
        school.PrivacyOfficer.EnglishName = "Ms De Vries, our DPO";
        var filler = new PlaceholderFiller(school);

        Assert.Equal("Vraag mevrouw De Vries (FG).", filler.Fill("Vraag {{privacyOfficer.name}}.", KnowledgeLanguage.Dutch, []));
        Assert.Equal("Ask Ms De Vries, our DPO.", filler.Fill("Ask {{privacyOfficer.name}}.", KnowledgeLanguage.English, []));
    }

    [Fact]
    public void Fill_UnknownName_IsReportedAndLeftVisible()
    {
        var filler = new PlaceholderFiller(new SchoolOptions());
        var unknown = new List<string>();

        var text = filler.Fill("Bel {{school.phone}}.", KnowledgeLanguage.Dutch, unknown);

        Assert.Equal(["school.phone"], unknown);
        Assert.Equal("Bel {{school.phone}}.", text);
    }
}
