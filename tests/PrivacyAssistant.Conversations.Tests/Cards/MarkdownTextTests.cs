using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Tests.Cards;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("gewone tekst, met punt.", "gewone tekst, met punt.")]
    [InlineData("*vet* _schuin_", @"\*vet\* \_schuin\_")]
    [InlineData("[link](https://x.nl)", @"\[link\]\(https\://x.nl\)")]
    [InlineData("zie https://x.nl of www.x.nl", @"zie https\://x.nl of www\.x.nl")]
    [InlineData("<script>alert(1)</script> <https://x.nl>", @"\<script>alert\(1\)\</script> \<https\://x.nl>")]
    [InlineData("${reporter} 10:30 www2.nl", @"$\{reporter\} 10:30 www2.nl")]
    [InlineData("`code` ~doorgestreept~", @"\`code\` \~doorgestreept\~")]
    [InlineData("# kop", @"\# kop")]
    [InlineData("- punt\n+ punt\n  - dieper", "\\- punt\n\\+ punt\n\\- dieper")]
    [InlineData("regel\n\n    code?\n\took code?\n  \t # kop", "regel\n\ncode?\nook code?\n\\# kop")]
    [InlineData("1. eerste\n2) tweede", "1\\. eerste\n2\\) tweede")]
    [InlineData("> citaat", @"\> citaat")]
    [InlineData("5 - 3 = 2 en 3.5", "5 - 3 = 2 en 3.5")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("&lt;b&gt; &#91;x&#93; &#x2A;vet&#x2a; &amp;", @"\&lt;b\&gt; \&#91;x\&#93; \&#x2A;vet\&#x2a; \&amp;")]
    [InlineData("Jansen & Zn; R&D &; &#; &#xZZ;", "Jansen & Zn; R&D &; &#; &#xZZ;")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_ShowsUserTextLiterally(string? input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));
}
