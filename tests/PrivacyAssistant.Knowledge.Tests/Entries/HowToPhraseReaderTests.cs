using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Entries;

public sealed class HowToPhraseReaderTests
{
    [Fact]
    public void Read_OpeningsWildcardsAndApostrophes_AreParsedIntoComparableWords()
    {
        var problems = new List<KnowledgeProblem>();

        var list = HowToPhraseReader.Read("how-to-phrases.txt", "# comment\n[Nederlands]\n^hoe * ik,  werkt   niet\n[English]\ndoesn't work, wi-fi drops", problems);

        Assert.Empty(problems);
        Assert.NotNull(list);
        var opening = list.Dutch[0];
        Assert.True(opening.Opening);
        Assert.Equal(["hoe", "*", "ik"], opening.Words);
        Assert.Equal(3, opening.Line);
        Assert.False(list.Dutch[1].Opening);
        Assert.Equal(["werkt", "niet"], list.Dutch[1].Words);
        Assert.Equal(["doesnt", "work"], list.English[0].Words);
        Assert.Equal(["wi", "fi", "drops"], list.English[1].Words);
    }

    [Theory]
    [InlineData("^*, werkt niet", "line 2: '^*' has only '*'")]
    [InlineData("hoe ^ik, doet raar", "line 2: 'hoe ^ik' has '^' inside it")]
    [InlineData("werkt niet!, doet raar", "line 2: 'werkt niet!' contains '!'")]
    [InlineData("werkt niet, werkt niet", "line 2: 'werkt niet' is already listed")]
    public void Read_PhraseThatWouldMatchNothingOrEverything_IsAProblemWithItsLine(string dutch, string expected)
    {
        var problems = new List<KnowledgeProblem>();

        var list = HowToPhraseReader.Read("how-to-phrases.txt", $"[Nederlands]\n{dutch}\n[English]\ndoesn't work", problems);

        Assert.Null(list);
        var problem = Assert.Single(problems);
        Assert.Equal("how-to-phrases.txt", problem.File);
        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }
}
