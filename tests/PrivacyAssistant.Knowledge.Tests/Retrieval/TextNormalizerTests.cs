using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>
/// Folding plain ASCII takes a shortcut; it must give what the general folding (lowercase, decompose, drop marks and apostrophes,
/// recompose) gives. The span words must be the string words.
/// </summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Daan", "daan")]
    [InlineData("foto's", "fotos")]
    [InlineData("al klein", "al klein")]
    [InlineData("Één", "een")]
    [InlineData("Zoë’s", "zoes")]
    public void Fold_LowercasesAndDropsAccentsAndApostrophes(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Fold(text));
    }

    [Fact]
    public void Fold_GivesTheGeneralFolding_ForEveryAsciiCharacterDevQuestionAndEntryText()
    {
        var engine = EvaluationSets.Product;
        var texts = Enumerable.Range(0, 128).Select(c => ((char)c).ToString() + "Ab'")
            .Concat(EvaluationSets.Dev.Select(c => c.Question))
            .Concat(engine.Knowledge.Entries.SelectMany(e => new[] { e.Dutch, e.English }).SelectMany(c => c.Alternates.Append(c.Title).Append(c.AnswerMarkdown)))
            .ToList();
        texts.AddRange(texts.SelectMany(t => t.Split(' ')).ToList());

        foreach (var text in texts)
        {
            Assert.Equal(TextNormalizer.FoldAnyText(text), TextNormalizer.Fold(text));
        }
    }

    [Fact]
    public void Fold_OfAFoldedAsciiWord_IsTheSameString()
    {
        const string word = "leerling";

        Assert.Same(word, TextNormalizer.Fold(word));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ,.?!  ")]
    [InlineData("Mag ik foto's van de schoolreis op Instagram zetten?")]
    [InlineData("laptop—kwijt…(gisteren)/vandaag;\"echt\"[zeker]\t\r\nklaar-")]
    [InlineData("één")]
    public void WordSpans_GiveTheSameWordsAsWords(string text)
    {
        Assert.Equal(TextNormalizer.Words(text), SpanWords(text));
    }

    [Fact]
    public void WordSpans_GiveTheSameWordsAsWords_ForEveryDevQuestion()
    {
        foreach (var question in EvaluationSets.Dev.Select(c => c.Question))
        {
            Assert.Equal(TextNormalizer.Words(question), SpanWords(question));
        }
    }

    private static List<string> SpanWords(string text)
    {
        var words = new List<string>();
        foreach (var word in TextNormalizer.WordSpans(text))
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
