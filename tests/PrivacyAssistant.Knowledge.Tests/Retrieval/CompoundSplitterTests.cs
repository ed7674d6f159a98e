using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class CompoundSplitterTests
{
    private static readonly Stemmer Dutch = new("Dutch");

    private static readonly CompoundSplitter Splitter = new(
        ["leerling", "dossier", "person", "gegeven", "verwerker", "overeenkomst", "klas", "foto", "overstap", "over", "stap", "beeld", "materiaal", "even", "school", "laptop"],
        Dutch.Stem);

    [Theory]
    [InlineData("leerlingdossier", "leerling dossier")]
    [InlineData("persoonsgegeven", "person gegeven")]
    [InlineData("verwerkersovereenkomst", "verwerker overeenkomst")]
    [InlineData("klassenfoto", "klas foto")]
    [InlineData("overstapdossier", "overstap dossier")]
    [InlineData("beeldmateriaal", "beeld materiaal")]
    [InlineData("schoollaptop", "school laptop")]
    [InlineData("leerlingfotodossier", "leerling foto dossier")]
    public void Split_KnownCompound_ReturnsItsParts(string word, string parts)
    {
        Assert.Equal(parts.Split(' '), Splitter.Split(word));
    }

    [Theory]
    [InlineData("gegeven")]
    [InlineData("toestemming")]
    [InlineData("schoolreisje")]
    [InlineData("leerlingxyz")]
    public void Split_WordThatIsNotACompleteCompound_ReturnsNothing(string word)
    {
        Assert.Empty(Splitter.Split(word));
    }

    [Theory]
    [InlineData("leerlingdossier")]
    [InlineData("klassenfoto")]
    [InlineData("leerlingfotodossier")]
    [InlineData("toestemming")]
    public void Split_WordOfTheVocabulary_IsTheSplitOfTheSameWordFromOutsideIt(string word)
    {
        string[] vocabulary = ["leerling", "dossier", "klas", "foto", "toestemming"];
        var knowing = new CompoundSplitter([.. vocabulary, word], Dutch.Stem);
        var notKnowing = new CompoundSplitter(vocabulary, Dutch.Stem);

        Assert.Equal(notKnowing.Split(word), knowing.Split(word));
    }

    [Theory]
    [InlineData("doorgestuurd", "")]
    [InlineData("klassenavondfoto", "")]
    [InlineData("leerlingenfotodossier", "leerling foto dossier")]
    [InlineData("schoolstapdossier", "school stap dossier")]
    public void Split_UnknownWord_StemsNoTextTwiceAndSplitsAsBefore(string word, string parts)
    {
        var stemmed = new List<string>();
        var splitter = new CompoundSplitter(["leerling", "dossier", "foto", "school", "stap", "door", "avond"], text =>
        {
            stemmed.Add(text);
            return Dutch.Stem(text);
        });
        stemmed.Clear(); // the vocabulary's own splits, worked out at construction

        var split = splitter.Split(word);

        Assert.Equal(parts.Split(' ', StringSplitOptions.RemoveEmptyEntries), split);
        Assert.NotEmpty(stemmed);
        Assert.Equal(stemmed.Distinct(StringComparer.Ordinal).Count(), stemmed.Count);
    }
}
