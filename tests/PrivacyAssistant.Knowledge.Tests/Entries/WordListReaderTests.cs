using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Entries;

public sealed class WordListReaderTests
{
    private const string File = "school-words.txt";

    [Fact]
    public void Read_SectionsCommentsAndCommas_GivesEachLanguageItsWordsWithTheirLines()
    {
        var text = """
            # A comment, with commas, that is not a word list.

            [Nederlands]
            # People.
            leerling, collega's,
              diploma-uitreiking ,conciërge
            [English]
            staff,
            """;

        var problems = new List<KnowledgeProblem>();
        var list = WordListReader.Read(File, text, problems);

        Assert.Empty(problems);
        Assert.NotNull(list);
        Assert.Equal(File, list.File);
        Assert.Equal(
            [new ListedWord("leerling", 5), new ListedWord("collega's", 5), new ListedWord("diploma-uitreiking", 6), new ListedWord("conciërge", 6)],
            list.For(KnowledgeLanguage.Dutch));
        Assert.Equal([new ListedWord("staff", 8)], list.For(KnowledgeLanguage.English));
    }

    [Fact]
    public void Read_ByteOrderMarkAndWindowsLineEnds_AreNotPartOfTheWords()
    {
        var problems = new List<KnowledgeProblem>();
        var list = WordListReader.Read(File, "\uFEFF[Nederlands]\r\nleerling, ouders\r\n[English]\r\nstaff\r\n", problems);

        Assert.Empty(problems);
        Assert.Equal(["leerling", "ouders"], list!.Dutch.Select(w => w.Word));
        Assert.Equal(["staff"], list.English.Select(w => w.Word));
    }

    [Fact]
    public void Read_DecomposedAccent_IsTheSameWordAsTheComposedOne()
    {
        var problems = new List<KnowledgeProblem>();
        var list = WordListReader.Read(File, "[Nederlands]\nconcie\u0308rge, concierge, conciërge\n[English]\nstaff", problems);

        Assert.Null(list);
        var problem = Assert.Single(problems);
        Assert.Equal("line 2: 'conciërge' is already listed under [Nederlands] (line 2)", problem.Message);
    }

    [Theory]
    [InlineData("[Nederlands]\nleerling\n[English]\nstaff, parents evening", "line 4: 'parents evening' is more than one word")]
    [InlineData("[Nederlands]\nleerling.\n[English]\nstaff", "line 2: 'leerling.' contains '.'")]
    [InlineData("[Nederlands]\nleerling\n[English]\nstaff/teachers", "line 4: 'staff/teachers' contains '/'")]
    [InlineData("[Nederlands]\nleerling, \"ouders\"\n[English]\nstaff", "line 2: '\"ouders\"' contains '\"'")]
    [InlineData("[Nederlands]\n-leerling\n[English]\nstaff", "line 2: '-leerling' has a hyphen or apostrophe at its start or end, or two in a row")]
    [InlineData("[Nederlands]\nleerling--ouder\n[English]\nstaff", "line 2: 'leerling--ouder' has a hyphen or apostrophe at its start or end, or two in a row")]
    [InlineData("[Nederlands]\nleerling # people\n[English]\nstaff", "line 2: 'leerling # people' contains '#'; a comment goes on a line of its own")]
    [InlineData("[Nederlands]\nleerling, , ouders\n[English]\nstaff", "line 2: an empty word (a comma at the start of the line or two commas in a row)")]
    [InlineData("[Nederlands]\n, leerling\n[English]\nstaff", "line 2: an empty word")]
    [InlineData("[Nederlands]\nleerling, ouders\n[English]\nstaff\n[Nederlands]\nklas", "line 5: the section [Nederlands] is already on line 1")]
    [InlineData("[Nederlands]\nleerling\n[English]\nstaff\n[Deutsch]\nSchüler", "line 5: unknown section '[Deutsch]'; the sections are [Nederlands] and [English]")]
    [InlineData("leerling\n[Nederlands]\nouders\n[English]\nstaff", "line 1: words before the first section; put them under [Nederlands] or [English]")]
    [InlineData("[Nederlands]\nleerling\nouders, Leerling\n[English]\nstaff", "line 3: 'Leerling' is already listed under [Nederlands] (line 2)")]
    [InlineData("[Nederlands]\nleerling\n[English]\nstaff\n\n[English]", "line 6: the section [English] is already on line 3")]
    [InlineData("[Nederlands]\nleerling\n[English]\n# nothing yet", "the section [English] has no words")]
    [InlineData("[Nederlands]\nleerling", "the section [English] is missing")]
    [InlineData("# only comments\n", "the section [Nederlands] is missing")]
    [InlineData("[Nederlands]\nleerling, le\uFFFDrling\n[English]\nstaff", "line 2: 'le\uFFFDrling' has a character that is not UTF-8 text; save the file as UTF-8")]
    public void Read_Problem_IsReportedWithFileAndLineAndTheListIsRefused(string text, string expected)
    {
        var problems = new List<KnowledgeProblem>();

        var list = WordListReader.Read(File, text, problems);

        Assert.Null(list);
        var problem = Assert.Single(problems, p => p.Message.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(File, problem.File);
    }

    [Fact]
    public void Read_SameWordInBothLanguages_IsNoDuplicate()
    {
        var problems = new List<KnowledgeProblem>();

        var list = WordListReader.Read(File, "[Nederlands]\nschool, laptop\n[English]\nschool, laptop", problems);

        Assert.Empty(problems);
        Assert.Equal(2, list!.English.Count);
    }

    [Fact]
    public void Read_SeveralProblems_AreAllReportedInOnePass()
    {
        var problems = new List<KnowledgeProblem>();

        WordListReader.Read(File, "[Nederlands]\nleerling, leerling\nouder avond\n[English]\n", problems);

        Assert.Collection(
            problems,
            p => Assert.StartsWith("line 2: 'leerling' is already listed", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("line 3: 'ouder avond' is more than one word", p.Message, StringComparison.Ordinal),
            p => Assert.StartsWith("the section [English] has no words", p.Message, StringComparison.Ordinal));
    }
}
