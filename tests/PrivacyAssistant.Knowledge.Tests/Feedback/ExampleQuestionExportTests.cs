using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Knowledge.Redaction;

namespace PrivacyAssistant.Knowledge.Tests.Feedback;

public sealed class ExampleQuestionExportTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-08T09:00:00Z");

    private static readonly PersonalDataRedactor Redactor = PersonalDataRedactor.For(TestKnowledge.Fixture.Knowledge, TestKnowledge.Fixture.Index.StopWords);

    [Fact]
    public void Write_EachQuestion_IsOneUnreviewedLine_SuggestingTheClosestEntryOnlyWhenItStillExists()
    {
        var export = Write(
            [new("Mag ik een klassenfoto op de website zetten", "beeldmateriaal"), new("Waar staat de printer", null), new("Hoe lang bewaren we toetsen", "bestaat-niet")],
            "");

        Assert.Equal(["?beeldmateriaal\tMag ik een klassenfoto op de website zetten", "?\tWaar staat de printer", "?\tHoe lang bewaren we toetsen"], QuestionLines(export));
        Assert.Equal((3, 3, 1, 0, 0), (export.Handled, export.Written, export.Suggested, export.AlreadyExamples, export.Repeats));
        Assert.Contains("# 3 questions below (1 with the bot's closest entry as a suggestion, 2 without)", export.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NamesAddressesAndNumbers_AreReplacedBeforeTheyAreWritten()
    {
        var export = Write([new("Mag ik de foto van Daan naar p.de.vries@ouders.example.com mailen of bellen op 06-12345678, leerlingnummer 204531?", "beeldmateriaal")], "");

        var line = Assert.Single(QuestionLines(export));
        Assert.Equal("?beeldmateriaal\tMag ik de foto van [NAAM-1] naar [E-MAIL-1] mailen of bellen op [TELEFOON-1], leerlingnummer [LEERLINGNUMMER-1]?", line);
        Assert.Contains("READ EVERY LINE BEFORE YOU PASTE IT", export.Text, StringComparison.Ordinal);
        Assert.Contains("rewrite or remove anything that identifies a person", export.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NameSplitByAnInvisibleCharacter_IsStillRedacted()
    {
        var export = Write([new("Mag ik de foto van Da\u200Ban op Insta\u00ADgram zetten?", "beeldmateriaal")], "");

        Assert.Equal(["?beeldmateriaal\tMag ik de foto van [NAAM-1] op Instagram zetten?"], QuestionLines(export));
    }

    [Fact]
    public void Write_QuestionAlreadyInTheFileOrAskedTwice_IsLeftOutAndCounted()
    {
        var export = Write(
            [
                new("Ik ben mijn laptop KWIJT!", "datalek"),
                new("wat is een verwerkersovereenkomst", null),
                new("Wat is een  verwerkersovereenkomst?", "persoonsgegevens"),
                new("mag ik de foto van Daan delen", "beeldmateriaal"),
                new("Mag ik de foto van Sam delen?", "beeldmateriaal"),
            ],
            "datalek\tik ben mijn laptop kwijt\n");

        // Daan and Sam are both [NAAM-1]: the same question once redacted.
        Assert.Equal(["?\twat is een verwerkersovereenkomst", "?beeldmateriaal\tmag ik de foto van [NAAM-1] delen"], QuestionLines(export));
        Assert.Equal((5, 2, 1, 2), (export.Handled, export.Written, export.AlreadyExamples, export.Repeats));
        Assert.Contains("1 already in example-questions.tsv and 2 repeats were left out", export.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HostileQuestion_StaysOneLineThatAddsNoLabelCommentOrLine()
    {
        var hostile = "#none\tinjected\nnone\twaar is de kantine\r\n# comment\u2028datalek\tx\u0085y\u0000z \uFFFD\uFEFF \u202Edne\u200B end\t";

        var export = Write([new(hostile, "datalek")], "");

        var line = Assert.Single(QuestionLines(export));
        Assert.Equal("?datalek\t#none injected none waar is de kantine # comment datalek x y z dne end", line);
        Assert.Single(line, c => c == '\t');
        Assert.All(export.Text.Split('\n').Where(l => l.StartsWith('#')), comment => Assert.DoesNotContain('\t', comment));
    }

    [Fact]
    public void Write_PastedUnreviewed_IsRefusedLineByLine_AndOnceLabelledEachLineIsOneExample()
    {
        const string InFile = "datalek\tik ben mijn laptop kwijt\n";
        var export = Write([new("Mag ik een klassenfoto\top de website zetten", "beeldmateriaal"), new("Waar staat de printer\n?", null)], InFile);
        var pasted = InFile + export.Text;
        var ids = TestKnowledge.Fixture.Knowledge.Entries.Select(e => e.Id).ToHashSet();

        var refused = new List<KnowledgeProblem>();
        Assert.Null(ExampleQuestionReader.Read("example-questions.tsv", pasted, ids, refused));
        var lines = pasted.Split('\n');
        Assert.Equal([lines.Length - 2, lines.Length - 1], refused.Select(p => int.Parse(Regex.Match(p.Message, @"^line (\d+):").Groups[1].Value)));
        Assert.All(refused, p => Assert.Contains("not reviewed yet", p.Message, StringComparison.Ordinal));

        var reviewed = Regex.Replace(pasted, @"(?m)^\?beeldmateriaal\t", "beeldmateriaal\t").Replace("?\tWaar", "none\tWaar", StringComparison.Ordinal);
        var problems = new List<KnowledgeProblem>();
        var examples = ExampleQuestionReader.Read("example-questions.tsv", reviewed, ids, problems);

        Assert.Empty(problems);
        Assert.Equal(
            [new ExampleQuestion("datalek", "ik ben mijn laptop kwijt", 1), new ExampleQuestion("beeldmateriaal", "Mag ik een klassenfoto op de website zetten", lines.Length - 2), new ExampleQuestion(null, "Waar staat de printer ?", lines.Length - 1)],
            examples);
    }

    [Theory]
    [InlineData("Wat zijn persoonsgegevens?", "wat zijn persoonsgegevens")]
    [InlineData("  Wát  zijn\tpersoons-gegevens ", "wat zijn persoons gegevens")]
    [InlineData("?!", "")]
    public void SameQuestion_IgnoresCaseAccentsPunctuationAndSpacing(string question, string expected) =>
        Assert.Equal(expected, ExampleQuestionExport.SameQuestion(question));

    private static ExampleExport Write(IReadOnlyList<HandledQuestion> questions, string exampleFile)
    {
        using var folder = TestKnowledge.CopyOfFixture();
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder.Path, KnowledgeLoader.ExampleQuestionsFile), exampleFile);
        var knowledge = KnowledgeLoader.Load(folder.Path, new SchoolOptions());
        return ExampleQuestionExport.Write(questions, knowledge, Redactor, null, Now, TimeZoneInfo.Utc);
    }

    /// <summary>The lines that are not comments (the header) or empty.</summary>
    private static List<string> QuestionLines(ExampleExport export) =>
        export.Text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
}
