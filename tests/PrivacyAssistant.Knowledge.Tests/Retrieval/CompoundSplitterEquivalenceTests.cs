using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Retrieval;

/// <summary>
/// Session 12 made <see cref="CompoundSplitter"/> probe heads and tails as slices of the word instead
/// of substrings. Its splits must be what the string version (kept here, as it was in session 11)
/// gave, on every word a question or an entry can bring and on made-up compounds of known words.
/// </summary>
public sealed class CompoundSplitterEquivalenceTests
{
    [Fact]
    public void Split_OfVocabularyQuestionWordsAndMadeUpCompounds_IsWhatTheSubstringVersionGave()
    {
        var knowledge = KnowledgeLoader.Load(TestKnowledge.RepositoryFolder, new SchoolOptions());
        using var shared = new KnowledgeAnalyzer(KnowledgeLanguage.Dutch, "Dutch", StopWords.From(knowledge.StopWords).For(KnowledgeLanguage.Dutch));
        var stemmer = new Stemmer("Dutch");
        // The vocabulary the index build gives the splitter: the entries' terms before compound splitting.
        var vocabulary = knowledge.Entries
            .Select(e => e.In(KnowledgeLanguage.Dutch))
            .SelectMany(c => new[] { c.Title, KnowledgeIndex.PlainAnswer(c.AnswerMarkdown) }.Concat(c.Alternates).Concat(c.Keywords))
            .SelectMany(text => shared.Analyze(text))
            .Select(t => t.Term)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var splitter = new CompoundSplitter(vocabulary, stemmer.Stem);
        var reference = new SubstringSplitter(vocabulary, stemmer.Stem);
        var words = EvaluationSets.Dev
            .SelectMany(c => shared.Analyze(c.Question))
            .Select(t => t.Term)
            .Concat(vocabulary)
            .ToList();
        var random = new Random(12);
        string[] links = ["", "s", "en", "e", "n", "x"];
        for (var i = 0; i < 20_000; i++)
        {
            var a = vocabulary[random.Next(vocabulary.Count)];
            var b = vocabulary[random.Next(vocabulary.Count)];
            var made = a + links[random.Next(links.Length)] + b + (i % 3 == 0 ? links[random.Next(links.Length)] + vocabulary[random.Next(vocabulary.Count)] : "");
            words.Add(made);
            words.Add(made[..random.Next(made.Length + 1)]);
            words.Add(made[random.Next(made.Length)..]);
        }

        var split = 0;
        foreach (var word in words)
        {
            var expected = reference.Split(word);
            Assert.Equal(expected, splitter.Split(word));
            Assert.Equal(expected, splitter.Split(word.AsSpan()));
            split += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(split > 5_000, $"{split} of {words.Count} words split");
    }

    /// <summary><see cref="CompoundSplitter"/> as session 11 left it (substrings, a stem dictionary per split).</summary>
    private sealed class SubstringSplitter(IEnumerable<string> words, Func<string, string> stem)
    {
        private static readonly string[] Links = ["", "s", "en", "e", "n"];
        private readonly HashSet<string> _words = words.Where(w => w.Length >= CompoundSplitter.MinimumPartLength).ToHashSet(StringComparer.Ordinal);

        public IReadOnlyList<string> Split(string word) =>
            word.Length < CompoundSplitter.MinimumCompoundLength
                ? []
                : SplitFrom(word, 3, new Dictionary<string, string>(StringComparer.Ordinal)) ?? [];

        private List<string>? SplitFrom(string word, int partsLeft, Dictionary<string, string> stems)
        {
            for (var headEnd = word.Length - CompoundSplitter.MinimumPartLength; headEnd >= CompoundSplitter.MinimumPartLength; headEnd--)
            {
                foreach (var link in Links)
                {
                    var tailStart = headEnd + link.Length;
                    if (tailStart > word.Length - CompoundSplitter.MinimumPartLength || string.CompareOrdinal(word, headEnd, link, 0, link.Length) != 0)
                    {
                        continue;
                    }

                    var head = KnownHead(word[..headEnd], link, stems);
                    if (head is null)
                    {
                        continue;
                    }

                    var tail = word[tailStart..];
                    if (_words.Contains(tail))
                    {
                        return [head, tail];
                    }

                    if (partsLeft > 2 && tail.Length >= CompoundSplitter.MinimumCompoundLength - 1)
                    {
                        var rest = SplitFrom(tail, partsLeft - 1, stems);
                        if (rest is not null)
                        {
                            return [head, .. rest];
                        }
                    }
                }
            }

            return null;
        }

        private string? KnownHead(string head, string link, Dictionary<string, string> stems)
        {
            if (head.Length < CompoundSplitter.MinimumPartLength)
            {
                return null;
            }

            if (_words.Contains(head))
            {
                return head;
            }

            var stemmed = Stem(head + link, stems);
            if (stemmed.Length >= CompoundSplitter.MinimumPartLength && _words.Contains(stemmed))
            {
                return stemmed;
            }

            stemmed = Stem(head, stems);
            return stemmed.Length >= CompoundSplitter.MinimumPartLength && _words.Contains(stemmed) ? stemmed : null;
        }

        private string Stem(string text, Dictionary<string, string> stems)
        {
            if (!stems.TryGetValue(text, out var stemmed))
            {
                stems[text] = stemmed = stem(text);
            }

            return stemmed;
        }
    }
}
