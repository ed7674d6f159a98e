using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Entries;

public sealed class ExampleQuestionReaderTests
{
    private static readonly HashSet<string> Ids = ["datalek", "beeldmateriaal"];

    [Fact]
    public void Read_LabelledLines_BecomeExamplesWithTheirLinesAndNoneAsNoEntry()
    {
        var problems = new List<KnowledgeProblem>();

        var examples = ExampleQuestionReader.Read("example-questions.tsv", "# comment\n\ndatalek\tlaptop kwijt met cijfers erop\r\nnone\t wanneer is de studiedag \n", Ids, problems);

        Assert.Empty(problems);
        Assert.NotNull(examples);
        Assert.Equal([new ExampleQuestion("datalek", "laptop kwijt met cijfers erop", 3), new ExampleQuestion(null, "wanneer is de studiedag", 4)], examples);
    }

    [Fact]
    public void Read_SameQuestionTwiceWithTheSameLabel_IsKeptOnce()
    {
        var problems = new List<KnowledgeProblem>();

        var examples = ExampleQuestionReader.Read("example-questions.tsv", "datalek\tlaptop kwijt\ndatalek\tLaptop kwijt", Ids, problems);

        Assert.Empty(problems);
        Assert.Single(examples!);
    }

    [Theory]
    [InlineData("datalek laptop kwijt", "line 2: expected 'entry-id<TAB>question'")]
    [InlineData("\tlaptop kwijt", "line 2: the label before the tab is empty")]
    [InlineData("datalek\t  ", "line 2: the question after the tab is empty")]
    [InlineData("datalekken\tlaptop kwijt", "line 2: 'datalekken' is not an entry id")]
    [InlineData("None\tlaptop kwijt", "line 2: 'None' is not an entry id")]
    [InlineData("datalek\tlaptop\tkwijt", "line 2: the line has more than one tab")]
    [InlineData("datalek\tlaptop kwijt \uFFFD", "line 2: the line has a character that is not UTF-8 text")]
    [InlineData("beeldmateriaal\tmag ik een foto plaatsen", "line 2: the question is already on line 1 with the label 'none'")]
    [InlineData("?datalek\tlaptop kwijt", "line 2: this line came from export-examples and is not reviewed yet")]
    [InlineData("?\tlaptop kwijt", "line 2: this line came from export-examples and is not reviewed yet")]
    [InlineData("?onbekend\tlaptop kwijt", "line 2: this line came from export-examples and is not reviewed yet")]
    public void Read_LineThatWouldCountForNothingOrTheWrongEntry_IsAProblemNamingFileAndLine(string line, string expected)
    {
        var problems = new List<KnowledgeProblem>();

        var examples = ExampleQuestionReader.Read("example-questions.tsv", $"none\tmag ik een foto plaatsen\n{line}", Ids, problems);

        Assert.Null(examples);
        var problem = Assert.Single(problems);
        Assert.Equal("example-questions.tsv", problem.File);
        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?datalek", "replace '?datalek' by the entry you answered it with ('datalek' was the bot's closest entry) or 'none'")]
    [InlineData("?", "replace '?' by the entry you answered it with (write the entry first if none covers it yet) or 'none'")]
    public void Read_UnreviewedLabel_SaysWhatToWriteInstead(string label, string expected)
    {
        var problems = new List<KnowledgeProblem>();

        var examples = ExampleQuestionReader.Read("example-questions.tsv", $"{label}\tlaptop kwijt met cijfers erop", Ids, problems);

        Assert.Null(examples);
        var message = Assert.Single(problems).Message;
        Assert.Contains("remove anything that identifies a person", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }
}
