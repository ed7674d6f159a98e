using System.Text.RegularExpressions;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Tests.Schema;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("mag ik een foto delen")]
    [InlineData(" leading and trailing ")]
    [InlineData("")]
    [InlineData("one")]
    public void Collapse_WithOnlySingleSpaces_ReturnsTheTextItself(string text) =>
        Assert.Same(text, Whitespace.Collapse(text));

    [Theory]
    [InlineData("two  spaces")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak\r\nand more")]
    [InlineData("no-break\u00a0space")]
    [InlineData("line\u2028separator and next\u0085line")]
    [InlineData("vertical\vand form\ffeed")]
    [InlineData(" \t mixed runs \n\n ")]
    [InlineData("   ")]
    public void Collapse_WithOtherWhiteSpace_GivesWhatTheRegexGives(string text) =>
        Assert.Equal(Regex.Replace(text, @"\s+", " "), Whitespace.Collapse(text));

    [Fact]
    public void Collapse_OfEveryCharacter_AgreesWithTheRegexAboutWhiteSpace()
    {
        // Each UTF-16 code unit between two letters: the shortcut must treat exactly \s as white space.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = $"a{(char)c}b";
            Assert.Equal(Regex.Replace(text, @"\s+", " "), Whitespace.Collapse(text));
        }
    }

    [Fact]
    public void IsCollapsed_IsTrueExactlyWhenCollapseChangesNothing()
    {
        string[] contexts = ["a{0}b", "{0}", "a {0}", "{0} b", "a{0}{0}b"];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            foreach (var context in contexts)
            {
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, context, (char)c);
                Assert.Equal(Whitespace.Collapse(text) == text, Whitespace.IsCollapsed(text));
            }
        }
    }
}
