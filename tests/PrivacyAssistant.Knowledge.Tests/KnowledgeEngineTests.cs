using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests;

public sealed class KnowledgeEngineTests
{
    [Fact]
    public void Create_WordListsOfTheFolder_DecideWhichQuestionWordsAreSchoolAndEverydayWords()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        // Capitals and a plural: the words are analysed like questions, so these are "laptop" and "foto".
        WriteLists(folder, everyday: "[Nederlands]\nFoto's\n[English]\ntoday", school: "[Nederlands]\nLaptops\n[English]\npupil");
        using var engine = KnowledgeEngine.Create(folder.Path, new SchoolOptions(), new KnowledgeOptions());

        var edited = engine.Retriever.Retrieve("laptop foto volgende", KnowledgeLanguage.Dutch).Terms.ToDictionary(t => t.Term);
        var shipped = TestKnowledge.Fixture.Retriever.Retrieve("laptop foto volgende", KnowledgeLanguage.Dutch).Terms.ToDictionary(t => t.Term);

        Assert.True(edited["laptop"].School);
        Assert.True(edited["foto"].Everyday);
        Assert.False(edited["volgend"].Everyday);
        Assert.True(shipped["volgend"].Everyday);
        Assert.False(shipped["foto"].Everyday);
    }

    [Fact]
    public void Create_StopWordsOnTheLists_AreReportedForBothLanguagesWithFileAndLine()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        WriteLists(folder, everyday: "[Nederlands]\nvandaag, de\n[English]\ntoday", school: "[Nederlands]\nleerling\n[English]\npupil,\nthe");

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeEngine.Create(folder.Path, new SchoolOptions(), new KnowledgeOptions()));

        Assert.Equal(Path.GetFullPath(folder.Path), error.Folder);
        Assert.Collection(
            error.Problems,
            p => Assert.Equal(new KnowledgeProblem(KnowledgeLoader.EverydayWordsFile, "line 2: 'de' is a stop word in Dutch: questions are never searched for it, so listing it does nothing; remove it"), p),
            p => Assert.Equal(new KnowledgeProblem(KnowledgeLoader.SchoolWordsFile, "line 5: 'the' is a stop word in English: questions are never searched for it, so listing it does nothing; remove it"), p));
    }

    [Theory]
    [InlineData(KnowledgeLanguage.Dutch)]
    [InlineData(KnowledgeLanguage.English)]
    public void Create_ShippedFolder_EveryListedWordIsRecognisedWhenAsked(KnowledgeLanguage language)
    {
        var engine = EvaluationSets.Product;

        foreach (var word in engine.Knowledge.EverydayWords.For(language))
        {
            var terms = engine.Retriever.Retrieve(word.Word, language).Terms;
            Assert.True(terms.Count > 0 && terms.All(t => t.Everyday), $"everyday word '{word.Word}' (line {word.Line})");
        }

        foreach (var word in engine.Knowledge.SchoolWords.For(language))
        {
            var terms = engine.Retriever.Retrieve(word.Word, language).Terms;
            Assert.True(terms.Count > 0 && terms.All(t => t.School), $"school word '{word.Word}' (line {word.Line})");
        }
    }

    [Fact]
    public void Create_OutOfScopePhrasesThatDoNothingOrAreAnEntryPhrasing_AreReportedWithFileAndLine()
    {
        using var folder = TestKnowledge.CopyOfFixture();
        var entry = TestKnowledge.Fixture.Knowledge.Entries[0];
        // The title as a phrase: punctuation removed, the same words.
        var title = string.Join(' ', entry.Dutch.Title.Split([' ', '?', ',', '.', '!', ':'], StringSplitOptions.RemoveEmptyEntries));
        File.WriteAllText(
            Path.Combine(folder.Path, KnowledgeLoader.OutOfScopeFile),
            $"[Nederlands]\nkantine open, broodje\nhoe gaat het\nrooster, {title}\n[English]\ntimetable, how are you");

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeEngine.Create(folder.Path, new SchoolOptions(), new KnowledgeOptions()));

        Assert.Collection(
            error.Problems,
            p => Assert.Equal(new KnowledgeProblem(KnowledgeLoader.OutOfScopeFile, "line 3: 'hoe gaat het' has only stop words in Dutch: questions are never searched for them, so it does nothing; remove it or add the word that names the topic"), p),
            p => Assert.Equal(new KnowledgeProblem(KnowledgeLoader.OutOfScopeFile, $"line 4: '{title}' is a phrasing of the entry '{entry.Id}' (title or alternate, same words): a privacy question cannot be out of scope; remove it"), p),
            p => Assert.Equal(new KnowledgeProblem(KnowledgeLoader.OutOfScopeFile, "line 6: 'how are you' has only stop words in English: questions are never searched for them, so it does nothing; remove it or add the word that names the topic"), p));
    }

    [Theory]
    [InlineData(KnowledgeLanguage.Dutch)]
    [InlineData(KnowledgeLanguage.English)]
    public void Create_ShippedFolder_EveryOutOfScopePhraseMatchesATopic(KnowledgeLanguage language)
    {
        var engine = EvaluationSets.Product;

        foreach (var topic in engine.Knowledge.OutOfScope.For(language))
        {
            foreach (var phrase in topic.Phrases)
            {
                // A phrase of everyday words only (or words the analysis drops) would never count for its topic.
                var match = engine.OutOfScope.Match(engine.Retriever.Retrieve(phrase, language));
                Assert.True(match is { Coverage: > 0 }, $"'{phrase}' (line {topic.Line}) matches no topic");
            }
        }
    }

    private static void WriteLists(TemporaryFolder folder, string everyday, string school)
    {
        File.WriteAllText(Path.Combine(folder.Path, KnowledgeLoader.EverydayWordsFile), everyday);
        File.WriteAllText(Path.Combine(folder.Path, KnowledgeLoader.SchoolWordsFile), school);
    }
}
