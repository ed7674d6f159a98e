using System.Globalization;
using System.Text;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>Folding plain ASCII takes a shortcut; it must give what the general folding (lowercase, decompose, drop marks and apostrophes, recompose) gives.</summary>
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
            Assert.Equal(GeneralFold(text), TextNormalizer.Fold(text));
        }
    }

    [Fact]
    public void Fold_OfAFoldedAsciiWord_IsTheSameString()
    {
        const string word = "leerling";

        Assert.Same(word, TextNormalizer.Fold(word));
    }

    // The folding for any text, as it was before the ASCII shortcut.
    private static string GeneralFold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '‘')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
