using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Entries;

public sealed class KnowledgeLoaderTests
{
    private static readonly SchoolOptions School = new();

    [Fact]
    public void Load_FixtureFolder_ReadsEveryEntryWithBothLanguages()
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.FixtureFolder, School);

        Assert.Equal(["beeldmateriaal", "bewaartermijnen", "datalek", "overstapdossier", "persoonsgegevens"], knowledge.Entries.Select(e => e.Id));
        var entry = knowledge.Get("beeldmateriaal");
        Assert.Equal("Mag ik foto's of video's van leerlingen publiceren?", entry.Dutch.Title);
        Assert.Equal("May I publish photos or videos of students?", entry.English.Title);
        Assert.Equal(6, entry.Dutch.Alternates.Count);
        Assert.Contains("fotoalbum", entry.Dutch.Keywords);
        Assert.Equal(["persoonsgegevens", "datalek"], entry.Related);
        Assert.Equal(new DateOnly(2026, 11, 1), entry.Reviewed);
        Assert.StartsWith("Alleen met **toestemming**", entry.Dutch.AnswerMarkdown);
        Assert.StartsWith("Only with **consent**", entry.English.AnswerMarkdown);
        Assert.True(knowledge.Get("datalek").Offers(EntryActions.ReportBreach));
        Assert.Contains("laptop, notebook", knowledge.Synonyms);
    }

    [Fact]
    public void Load_FillsPlaceholdersFromSchoolOptions()
    {
        var school = new SchoolOptions { ShortName = "ZSG" };
        school.PrivacyDesk.Email = "privacy@zeeschool.example";
        school.Links.PrivacyRegulation = "https://zeeschool.example/reglement";

        var entry = KnowledgeLoader.Load(TestKnowledge.FixtureFolder, school).Get("persoonsgegevens");

        Assert.Contains("privacy@zeeschool.example", entry.Dutch.AnswerMarkdown);
        Assert.Contains("de functionaris gegevensbescherming (FG)", entry.Dutch.AnswerMarkdown);
        Assert.Contains("the data protection officer (DPO)", entry.English.AnswerMarkdown);
        Assert.DoesNotContain("{{", entry.Dutch.AnswerMarkdown);
        var source = Assert.Single(entry.Sources);
        Assert.Equal("Privacyreglement ZSG", source.Title);
        Assert.Equal(new Uri("https://zeeschool.example/reglement"), source.Url);
    }

    [Theory]
    [InlineData("id: beeldmateriaal\n", "id: beeldmateriaal\n  broken: [", "bad front matter at line")]
    [InlineData("---\nid: beeldmateriaal", "id: beeldmateriaal", "bad front matter: the file must start with a line '---'")]
    [InlineData("keywords:", "keyword:", "bad front matter")]
    [InlineData("id: beeldmateriaal", "id: fotos", "id 'fotos' does not match the file name")]
    [InlineData("id: beeldmateriaal", "id: Beeld Materiaal", "may only contain lowercase letters")]
    [InlineData("related: [persoonsgegevens, datalek]", "related: [persoonsgegevens, bestaat-niet]", "'related' names unknown entry 'bestaat-niet'")]
    [InlineData("Alleen met **toestemming** van ouders (of de leerling vanaf 16 jaar). Een online fotoalbum is afgeschermd met een inlog.", "", "the Dutch answer is empty")]
    [InlineData("# English", "# Engels", "the heading '# English' is missing")]
    [InlineData("Alleen met **toestemming**", "Alleen met {{school.motto}}", "unknown placeholder '{{school.motto}}'")]
    [InlineData("  - fotoalbum van de excursie online zetten\n", "", "'alternates' has 5 Dutch phrasing(s); at least 6 are needed")]
    [InlineData("    - putting the excursion photo album online\n", "", "'en.alternates' has 5 English phrasing(s); at least 6 are needed")]
    [InlineData("  title: May I publish photos or videos of students?\n", "", "'en.title' (English question) is missing")]
    [InlineData("reviewed: 2026-11-01", "reviewed: gisteren", "'reviewed' must be a date")]
    [InlineData("related: [persoonsgegevens, datalek]", "related: [persoonsgegevens, datalek]\nactions: [bel-de-politie]", "unknown action 'bel-de-politie'")]
    [InlineData("url: \"{{links.socialMediaProtocol}}\"", "url: \"protocol.pdf\"", "needs a 'url' that is an absolute http(s) or mailto link")]
    public void Load_BrokenEntry_ReportsFileAndProblem(string original, string replacement, string expectedProblem)
    {
        using var folder = TestKnowledge.CopyOfFixture();
        folder.Edit("beeldmateriaal", text =>
        {
            Assert.Contains(original, text);
            return text.Replace(original, replacement, StringComparison.Ordinal);
        });

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        var problem = Assert.Single(error.Problems, p => p.Message.Contains(expectedProblem, StringComparison.Ordinal));
        Assert.Equal("entries/beeldmateriaal.md", problem.File);
        Assert.Contains("entries/beeldmateriaal.md: ", error.Message);
    }

    [Fact]
    public void Load_SameIdInTwoFiles_IsReportedAsDuplicate()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        File.WriteAllText(folder.Entry("datalek-kopie"), File.ReadAllText(folder.Entry("datalek")));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        Assert.Contains(error.Problems, p => p.File == "entries/datalek-kopie.md" && p.Message.Contains("does not match the file name", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.File == "entries/datalek-kopie.md" && p.Message == "duplicate id 'datalek' (also in entries/datalek.md)");
        Assert.Contains(error.Problems, p => p.File == "entries/datalek.md" && p.Message == "duplicate id 'datalek' (also in entries/datalek-kopie.md)");
    }

    [Fact]
    public void Load_MissingFolder_SaysWhereItLooked()
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        Assert.Contains("does not exist", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsThemAllAtOnce()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        folder.Edit("datalek", t => t.Replace("id: datalek", "id: lek"));
        folder.Edit("bewaartermijnen", t => t.Replace("# Nederlands", "# Dutch"));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        Assert.Contains(error.Problems, p => p.File == "entries/datalek.md");
        Assert.Contains(error.Problems, p => p.File == "entries/bewaartermijnen.md");
    }

    [Fact]
    public void Load_ShippedFolder_ReadsBothWordListsInBothLanguages()
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.RepositoryFolder, School);

        Assert.Equal(KnowledgeLoader.OutOfScopeFile, knowledge.OutOfScope.File);
        Assert.Contains(knowledge.OutOfScope.Dutch, t => t.Phrases.Contains("kantine open"));
        Assert.Contains(knowledge.OutOfScope.English, t => t.Phrases.Contains("canteen open"));

        Assert.Equal(KnowledgeLoader.EverydayWordsFile, knowledge.EverydayWords.File);
        Assert.Equal(KnowledgeLoader.SchoolWordsFile, knowledge.SchoolWords.File);
        // Spot checks from each section: the lists themselves are the knowledge editors' to change.
        Assert.Contains(knowledge.EverydayWords.Dutch, w => w.Word == "vandaag");
        Assert.Contains(knowledge.EverydayWords.English, w => w.Word == "tomorrow");
        Assert.Contains(knowledge.SchoolWords.Dutch, w => w.Word == "diploma-uitreiking");
        Assert.Contains(knowledge.SchoolWords.English, w => w.Word == "staff");
        Assert.DoesNotContain(knowledge.SchoolWords.English, w => w.Word == "vandaag");
    }

    [Fact]
    public void Load_ShippedFolder_ReadsTheStopWordsInBothLanguages()
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.RepositoryFolder, School);

        Assert.Equal(KnowledgeLoader.StopWordsFile, knowledge.StopWords.File);
        Assert.Contains(knowledge.StopWords.Dutch, w => w.Word == "eigenlijk");
        Assert.Contains(knowledge.StopWords.English, w => w.Word == "please");
        Assert.DoesNotContain(knowledge.StopWords.English, w => w.Word == "eigenlijk");
    }

    [Fact]
    public void Load_StopWordsBeforeTheFirstSection_IsAProblemNamingFileAndLine()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        var words = Path.Combine(folder.Path, KnowledgeLoader.StopWordsFile);
        File.WriteAllText(words, "eigenlijk\n" + File.ReadAllText(words));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(KnowledgeLoader.StopWordsFile, problem.File);
        Assert.StartsWith("line 1: words before the first section", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{KnowledgeLoader.StopWordsFile}: line 1: words before the first section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExampleQuestionForAnUnknownEntry_IsAProblemNamingFileAndLine()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        File.WriteAllText(Path.Combine(folder.Path, KnowledgeLoader.ExampleQuestionsFile), "# examples\ndatalek\tlaptop kwijt\nverdwenen-entry\tmag dit\n");

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(KnowledgeLoader.ExampleQuestionsFile, problem.File);
        Assert.StartsWith("line 3: 'verdwenen-entry' is not an entry id", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithoutExampleQuestions_HasNoExamples()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        File.Delete(Path.Combine(folder.Path, KnowledgeLoader.ExampleQuestionsFile));

        var knowledge = KnowledgeLoader.Load(folder.Path, School);

        Assert.Empty(knowledge.Examples);
    }

    [Theory]
    [InlineData(KnowledgeLoader.EverydayWordsFile)]
    [InlineData(KnowledgeLoader.SchoolWordsFile)]
    [InlineData(KnowledgeLoader.StopWordsFile)]
    [InlineData(KnowledgeLoader.QuestionFormWordsFile)]
    [InlineData(KnowledgeLoader.HowToPhrasesFile)]
    [InlineData(KnowledgeLoader.PeopleWordsFile)]
    [InlineData(KnowledgeLoader.OutOfScopeFile)]
    public void Load_MissingRequiredList_IsAProblemNamingTheFile(string file)
    {
        using var folder = TestKnowledge.CopyOfFixture();
        File.Delete(Path.Combine(folder.Path, file));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(file, problem.File);
        Assert.StartsWith("the file does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenWordListAndBrokenEntry_AreReportedTogether()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        var words = Path.Combine(folder.Path, KnowledgeLoader.SchoolWordsFile);
        File.AppendAllText(words, "\nstaff room\n");
        var line = File.ReadAllLines(words).Length;
        folder.Edit("datalek", t => t.Replace("id: datalek", "id: lek"));

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(folder.Path, School));

        Assert.Contains(error.Problems, p => p.File == "entries/datalek.md");
        var problem = Assert.Single(error.Problems, p => p.File == KnowledgeLoader.SchoolWordsFile);
        Assert.StartsWith($"line {line}: 'staff room' is more than one word", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{KnowledgeLoader.SchoolWordsFile}: line {line}: 'staff room'", error.Message, StringComparison.Ordinal);
    }
}
