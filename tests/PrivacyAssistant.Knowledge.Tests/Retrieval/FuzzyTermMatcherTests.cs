using Lucene.Net.Index;
using Lucene.Net.Search;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

public sealed class FuzzyTermMatcherTests
{
    private static readonly Lazy<KnowledgeEngine> Shipped = new(() =>
        KnowledgeEngine.Create(TestKnowledge.RepositoryFolder, new SchoolOptions(), new KnowledgeOptions()));

    [Fact]
    public void Matches_TyposOfShippedTerms_SelectExactlyWhatLuceneFuzzyQuerySelects()
    {
        var index = Shipped.Value.Index;
        var random = new Random(20261123);
        var compared = 0;
        var nonEmpty = 0;
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            foreach (var field in Enum.GetValues<KnowledgeField>())
            {
                var matcher = index.Terms(language, field);
                var name = (language == KnowledgeLanguage.English ? "en." : "nl.") + field.ToString().ToLowerInvariant();
                var words = IndexTerms.Of(index, name)
                    .Where(t => t.Length >= 4)
                    .OrderBy(_ => random.Next())
                    .Take(60)
                    .SelectMany(t => new[] { Mutate(t, random, 1), Mutate(t, random, 2), Mutate(t, random, 3), t })
                    .Append("ca").Append("abcdef").Append("zzzzzzzz")
                    .Distinct(StringComparer.Ordinal);
                foreach (var word in words)
                {
                    foreach (var (maxEdits, expansions) in new[] { (1, 3), (2, 3), (2, 50) })
                    {
                        var expected = LuceneFuzzy(index, name, word, maxEdits, expansions);
                        var actual = matcher.Matches(word, maxEdits, prefixLength: 1, expansions);
                        Assert.True(
                            expected.SetEquals(actual),
                            $"{name} '{word}' maxEdits {maxEdits} expansions {expansions}: Lucene [{string.Join(", ", expected.Order())}], matcher [{string.Join(", ", actual.Order())}]");
                        compared++;
                        nonEmpty += expected.Count > 0 ? 1 : 0;
                    }
                }
            }
        }

        // The comparison is only worth something when most typos do have corrections.
        Assert.True(compared > 1000, $"only {compared} comparisons");
        Assert.True(nonEmpty > compared / 2, $"only {nonEmpty} of {compared} comparisons had matches");
    }

    [Fact]
    public void Matches_WordsOfDevQuestions_SelectExactlyWhatLuceneFuzzyQuerySelects()
    {
        // The words real questions bring (most of them far from every term, which LowerBound skips), as the retriever analyses them.
        var engine = Shipped.Value;
        var compared = 0;
        var nonEmpty = 0;
        foreach (var language in new[] { KnowledgeLanguage.Dutch, KnowledgeLanguage.English })
        {
            var words = Evaluation.EvaluationSets.Dev
                .SelectMany(c => engine.Index.Analysis(language).Index.Analyze(c.Question))
                .Select(t => t.Term)
                .Where(t => t.Length >= 5)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            foreach (var field in Enum.GetValues<KnowledgeField>())
            {
                var matcher = engine.Index.Terms(language, field);
                var name = (language == KnowledgeLanguage.English ? "en." : "nl.") + field.ToString().ToLowerInvariant();
                foreach (var word in words)
                {
                    var maxEdits = word.Length >= 9 ? 2 : 1;
                    var expected = LuceneFuzzy(engine.Index, name, word, maxEdits, 3);
                    var actual = matcher.Matches(word, maxEdits, prefixLength: 1, 3);
                    Assert.True(expected.SetEquals(actual), $"{name} '{word}' maxEdits {maxEdits}: Lucene [{string.Join(", ", expected.Order())}], matcher [{string.Join(", ", actual.Order())}]");
                    compared++;
                    nonEmpty += expected.Count > 0 ? 1 : 0;
                }
            }
        }

        Assert.True(compared > 2000, $"only {compared} comparisons");
        Assert.True(nonEmpty > 500, $"only {nonEmpty} comparisons had matches");
    }

    [Fact]
    public void LowerBound_RandomTextPairs_NeverExceedsTheDistanceAndOftenRulesOut()
    {
        var random = new Random(20261207);
        // A small alphabet (many shared letters), all letters, and accented letters of which some share a bit (a and ¡, é and ĩ: 64 apart).
        string[] alphabets = ["abcde", "abcdefghijklmnopqrstuvwxyz", "a\u00a1\u00e9\u0129\u00eb\u0101"];
        var ruledOut = 0;
        for (var i = 0; i < 20000; i++)
        {
            var alphabet = alphabets[i % alphabets.Length];
            var a = Text(random, alphabet);
            var b = random.Next(2) == 0 ? Text(random, alphabet) : Mutate(a, random, random.Next(1, 4));
            var (ca, cb) = (a.Select(c => (int)c).ToArray(), b.Select(c => (int)c).ToArray());
            var distance = FuzzyTermMatcher.Distance(ca, cb, max: 20);
            var bound = FuzzyTermMatcher.LowerBound(FuzzyTermMatcher.LetterMask(ca), FuzzyTermMatcher.LetterMask(cb));

            Assert.True(bound <= distance, $"'{a}' '{b}': bound {bound} > distance {distance}");
            ruledOut += bound > 2 ? 1 : 0;
        }

        Assert.True(ruledOut > 2000, $"only {ruledOut} pairs ruled out: the bound does little");
    }

    private static string Text(Random random, string alphabet) =>
        new([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    [Theory]
    [InlineData("abcd", "abdc", 1)]
    [InlineData("abcd", "abcd", 0)]
    [InlineData("abcd", "bacd", 1)]
    [InlineData("abcd", "axcy", 2)]
    [InlineData("ca", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsAnAdjacentTranspositionAsOneEdit(string a, string b, int expected)
    {
        var distance = FuzzyTermMatcher.Distance(a.Select(c => (int)c).ToArray(), b.Select(c => (int)c).ToArray(), max: 5);

        Assert.Equal(expected, distance);
    }

    private static HashSet<string> LuceneFuzzy(KnowledgeIndex index, string field, string word, int maxEdits, int expansions)
    {
        var rewritten = index.Searcher.Rewrite(new FuzzyQuery(new Term(field, word), maxEdits, prefixLength: 1, expansions, transpositions: true));
        var terms = rewritten switch
        {
            BooleanQuery boolean => boolean.Clauses.Select(c => c.Query).OfType<TermQuery>(),
            TermQuery single => [single],
            _ => [],
        };
        return terms.Select(t => t.Term.Text).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Deletions, insertions, substitutions and swaps of neighbours, <paramref name="edits"/> of them.</summary>
    private static string Mutate(string word, Random random, int edits)
    {
        var chars = word.ToList();
        for (var i = 0; i < edits && chars.Count > 1; i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, (char)('a' + random.Next(26)));
                    break;
                case 2:
                    chars[at] = (char)('a' + random.Next(26));
                    break;
                default:
                    if (at + 1 < chars.Count)
                    {
                        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    }

                    break;
            }
        }

        return new string([.. chars]);
    }
}
