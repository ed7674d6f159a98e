using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>
/// The forms of the knowledge base's words are worked out once at start-up (the vocabulary); a
/// message must get exactly the forms it got when every word was stemmed on the spot.
/// </summary>
public sealed class WordNormalizerTests
{
    [Fact]
    public void Words_WithTheKnowledgeVocabulary_GivesTheFormsOfStemmingEachWord_ForDevQuestionsAndEntryTexts()
    {
        var engine = EvaluationSets.Product;
        var dutch = engine.Index.Analysis(KnowledgeLanguage.Dutch);
        var english = engine.Index.Analysis(KnowledgeLanguage.English);
        var texts = engine.Knowledge.Entries
            .SelectMany(e => new[] { e.Dutch, e.English })
            .SelectMany(c => c.Alternates.Concat(c.Keywords).Append(c.Title).Append(c.AnswerMarkdown))
            .ToList();
        var parts = BreachIntentDetector.CompoundParts(engine.BreachIntents.Patterns, dutch).ToList();
        var onTheSpot = new WordNormalizer(dutch, english, parts: parts);
        var precomputed = new WordNormalizer(dutch, english, texts, parts);

        // The dev questions mix words the knowledge base has with words it lacks (names, typos);
        // the entry texts are all vocabulary.
        var messages = EvaluationSets.Dev.Select(c => c.Question).Concat(texts).ToList();
        foreach (var message in messages)
        {
            var expected = onTheSpot.Words(message);
            var actual = precomputed.Words(message);

            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].SetEquals(actual[i]), $"word {i} of a message: {string.Join(",", expected[i])} against {string.Join(",", actual[i])}");
            }
        }

        // Both paths ran: most words came from the vocabulary, and the dev questions have words it lacks.
        Assert.True(precomputed.KnownWords > 1000, $"only {precomputed.KnownWords} words in the vocabulary");
        Assert.Equal(0, onTheSpot.KnownWords);
        Assert.True(new WordNormalizer(dutch, english, messages).KnownWords > precomputed.KnownWords);
    }

    [Fact]
    public void Product_KnowsEveryWordOfTheExampleQuestionsInAdvance()
    {
        // Questions share more words with the example questions than with the entries: the product's detector works
        // out their forms (and BreachPatternMatcher their pattern hits) at start-up, handing out the shared sets.
        var engine = EvaluationSets.Product;
        var normalizer = engine.BreachIntents.Normalizer;
        var known = normalizer.KnownForms.ToHashSet(ReferenceEqualityComparer.Instance);
        var words = engine.Knowledge.Examples.SelectMany(e => TextNormalizer.Words(e.Question)).Distinct().ToList();
        var entryWords = engine.Knowledge.Texts.Append(engine.Knowledge.BreachIntents).SelectMany(TextNormalizer.Words).ToHashSet();

        Assert.All(words, word => Assert.Contains(normalizer.Words(word).Single(), known));
        Assert.True(words.Count(w => !entryWords.Contains(w)) > 500, "the example questions add few words to the entries'");
    }

    [Fact]
    public void Words_CompoundOfASchoolWordAndAPatternWord_HasThePatternWordAmongItsForms()
    {
        var engine = EvaluationSets.Product;
        var dutch = engine.Index.Analysis(KnowledgeLanguage.Dutch);
        var english = engine.Index.Analysis(KnowledgeLanguage.English);
        var parts = BreachIntentDetector.CompoundParts(engine.BreachIntents.Patterns, dutch).ToList();

        // "ipad" is a word of the breach patterns, "werk" a school word; the knowledge base's splitter knows only its own words.
        Assert.Contains("ipad", new WordNormalizer(dutch, english, parts: parts).Words("werkiPad")[0]);
        Assert.DoesNotContain("ipad", new WordNormalizer(dutch, english).Words("werkiPad")[0]);
    }

    [Fact]
    public void Detector_WithAndWithoutTheVocabulary_ReadsDevQuestionsTheSame()
    {
        var engine = EvaluationSets.Product;
        var dutch = engine.Index.Analysis(KnowledgeLanguage.Dutch);
        var english = engine.Index.Analysis(KnowledgeLanguage.English);
        // The same real words (they decide which words keep the typo tolerance); only the knowledge base's vocabulary differs.
        var plain = new BreachIntentDetector(engine.Knowledge.BreachIntents, dutch, english, null, engine.Knowledge.RealWords);

        foreach (var question in EvaluationSets.Dev.Select(c => c.Question))
        {
            Assert.Equal(plain.Read(question), engine.BreachIntents.Read(question));
        }
    }
}
