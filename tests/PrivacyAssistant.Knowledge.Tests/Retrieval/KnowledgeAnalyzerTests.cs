using Lucene.Net.Analysis.Synonym;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class KnowledgeAnalyzerTests
{
    private static readonly StopWords Stop = TestKnowledge.StopWords;

    private static IReadOnlyList<string> Terms(KnowledgeAnalyzer analyzer, string text) =>
        analyzer.Analyze(text).Select(t => t.Term).ToList();

    [Fact]
    public void Analyze_DutchInflections_StemToTheSameTerm()
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", Stop.Dutch);

        Assert.Equal(Terms(analyzer, "leerling"), Terms(analyzer, "leerlingen"));
        Assert.Equal(Terms(analyzer, "foto"), Terms(analyzer, "foto's"));
        Assert.Equal(Terms(analyzer, "verwerken"), Terms(analyzer, "verwerk"));
    }

    [Fact]
    public void Analyze_AccentsAndCase_AreFolded()
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", Stop.Dutch);

        Assert.Equal(Terms(analyzer, "geinformeerd prive"), Terms(analyzer, "Geïnformeerd PRIVÉ"));
    }

    [Fact]
    public void Analyze_StopWordsAndFiller_AreRemoved()
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", Stop.Dutch);

        Assert.Equal(Terms(analyzer, "foto publiceren"), Terms(analyzer, "Mag ik eigenlijk wel een foto publiceren?"));
    }

    [Fact]
    public void Analyze_EMail_StaysOneWord()
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", Stop.Dutch);

        Assert.Equal(Terms(analyzer, "email"), Terms(analyzer, "e-mail"));
    }

    [Fact]
    public void Analyze_EnglishInflections_StemToTheSameTerm()
    {
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.English, "English", Stop.English);

        Assert.Equal(Terms(analyzer, "student photo"), Terms(analyzer, "students' photos"));
    }

    [Fact]
    public void Analyze_WithSynonyms_StacksTheSynonymOnTheWord()
    {
        var synonyms = SynonymRules.Parse("laptop, notebook\nfoto, beeldmateriaal, plaatje", KnowledgeLanguage.Dutch, "Dutch");
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", Stop.Dutch, synonyms: synonyms);

        var tokens = analyzer.Analyze("notebooks en plaatjes");

        Assert.Contains(tokens, t => t.Term == "laptop" && t.Synonym && t.Position == 0);
        Assert.Contains(tokens, t => t.Term == "foto" && t.Synonym && t.Position == 1);
        Assert.Contains(tokens, t => t.Term == "beeldmateriaal" && t.Synonym && t.Position == 1);
    }

    [Fact]
    public void Analyze_WithCompoundSplitter_StacksThePartsOnTheCompound()
    {
        var stemmer = new Stemmer("Dutch");
        var splitter = new CompoundSplitter(["leerling", "dossier", "person", "gegeven"], stemmer.Stem);
        using var analyzer = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", Stop.Dutch, splitter: splitter);

        var tokens = analyzer.Analyze("leerlingdossiers");

        Assert.Equal(["leerlingdossier", "leerling", "dossier"], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(0, t.Position));
    }

    [Fact]
    public void ParseSynonyms_BrokenRule_NamesTheSynonymsFile()
    {
        var error = Assert.Throws<KnowledgeLoadException>(() => SynonymRules.Parse("laptop => \n=> notebook", KnowledgeLanguage.Dutch, "Dutch"));

        Assert.Equal(KnowledgeLoader.SynonymsFile, Assert.Single(error.Problems).File);
    }
}
