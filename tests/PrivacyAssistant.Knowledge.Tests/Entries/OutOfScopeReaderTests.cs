using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Entries;

public sealed class OutOfScopeReaderTests
{
    private const string File = "out-of-scope.txt";

    [Fact]
    public void Read_SectionsCommentsAndPhrases_GivesEachLanguageItsTopicsWithTheirLines()
    {
        var text = """
            # A comment, with commas, that is not a topic.

            [Nederlands]
            # Kantine.
            kantine  open, broodje,
              printer werkt niet ,kopieerapparaat
            [English]
            can't log in, wi-fi down
            """;

        var problems = new List<KnowledgeProblem>();
        var list = OutOfScopeReader.Read(File, text, problems);

        Assert.Empty(problems);
        Assert.NotNull(list);
        Assert.Equal(File, list.File);
        Assert.Collection(
            list.For(KnowledgeLanguage.Dutch),
            t =>
            {
                Assert.Equal(["kantine open", "broodje"], t.Phrases);
                Assert.Equal(5, t.Line);
            },
            t =>
            {
                Assert.Equal(["printer werkt niet", "kopieerapparaat"], t.Phrases);
                Assert.Equal(6, t.Line);
            });
        var english = Assert.Single(list.For(KnowledgeLanguage.English));
        Assert.Equal("can't log in, wi-fi down", english.Text);
        Assert.Equal(8, english.Line);
    }

    [Theory]
    [InlineData("kantine\n[Nederlands]\nrooster\n[English]\ntimetable", "line 1: a topic before the first section; put it under [Nederlands] or [English]")]
    [InlineData("[Nederlands]\nrooster\n[Deutsch]\nStundenplan\n[English]\ntimetable", "line 3: unknown section '[Deutsch]'; the sections are [Nederlands] and [English]")]
    [InlineData("[Nederlands]\nrooster\n[English]\ntimetable\n[Nederlands]\nkantine", "line 5: the section [Nederlands] is already on line 1; keep one and move its topics there")]
    [InlineData("[Nederlands]\nrooster,, kantine\n[English]\ntimetable", "line 2: an empty phrase (a comma at the start of the line or two commas in a row)")]
    [InlineData("[Nederlands]\nrooster, wachtwoord vergeten?\n[English]\ntimetable", "line 2: 'wachtwoord vergeten?' contains '?'; a phrase is words of letters and digits (a hyphen or apostrophe inside a word), separated by spaces; phrases are separated by commas")]
    [InlineData("[Nederlands]\nkantine, rooster # lesrooster\n[English]\ntimetable", "line 2: 'rooster # lesrooster' contains '#'; a comment goes on a line of its own, starting with '#'")]
    [InlineData("[Nederlands]\nkantine, -rooster\n[English]\ntimetable", "line 2: '-rooster' has a hyphen or apostrophe at the start or end of a word, or two in a row")]
    [InlineData("[Nederlands]\nkantine open\nrooster, Kantine Open\n[English]\ntimetable", "line 3: 'Kantine Open' is already listed under [Nederlands] (line 2)")]
    public void Read_BrokenLine_IsAProblemNamingFileAndLine(string text, string expected)
    {
        var problems = new List<KnowledgeProblem>();

        var list = OutOfScopeReader.Read(File, text, problems);

        Assert.Null(list);
        Assert.Equal(new KnowledgeProblem(File, expected), Assert.Single(problems));
    }

    [Theory]
    [InlineData("[Nederlands]\nrooster", "the section [English] is missing; write it with the English topics under it")]
    [InlineData("[Nederlands]\n# nothing yet\n[English]\ntimetable", "the section [Nederlands] has no topics; without them Dutch questions about other matters get \"Bedoel je…?\" cards")]
    public void Read_LanguageWithoutTopics_IsAProblem(string text, string expected)
    {
        var problems = new List<KnowledgeProblem>();

        Assert.Null(OutOfScopeReader.Read(File, text, problems));
        Assert.Equal(new KnowledgeProblem(File, expected), Assert.Single(problems));
    }
}
