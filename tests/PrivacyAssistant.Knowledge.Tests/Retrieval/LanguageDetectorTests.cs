using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("mag ik een foto van de klas publiceren", KnowledgeLanguage.Dutch)]
    [InlineData("may I publish a photo of my class", KnowledgeLanguage.English)]
    [InlineData("hoelang bewaren we toetsen", KnowledgeLanguage.Dutch)]
    public void Detect_FunctionWords_TellTheLanguage(string text, KnowledgeLanguage expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("AVG")]
    [InlineData("we")]
    public void Detect_NoSign_IsUnknown(string text)
    {
        Assert.Null(LanguageDetector.Detect(text));
    }
}
