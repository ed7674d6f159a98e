using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Tests.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>
/// <see cref="BreachPatternMatcher"/> (word positions found once per message, typo candidates through
/// one-letter deletions) against the straightforward matching it replaced, which tries every
/// alternative at every position with the one-edit check on every form (<see cref="Reference"/>).
/// </summary>
public sealed class BreachPatternMatcherTests
{
    [Fact]
    public void Detect_ShippedPatternsOverDevQuestionsAndTypedPatterns_DecidesExactlyAsTheReference()
    {
        var engine = EvaluationSets.Product;
        var normalizer = engine.BreachIntents.Normalizer;
        var patterns = engine.BreachIntents.Patterns;
        var messages = EvaluationSets.Dev.Select(c => c.Question).Concat(Typed(patterns, new Random(20261123))).ToList();

        var reports = 0;
        var topics = 0;
        foreach (var message in messages)
        {
            var words = normalizer.Words(message);
            var expected = Reference.Detect(patterns, words, normalizer.RealWordForms.Contains, engine.BreachIntents.Spellings);
            Assert.Equal(expected, engine.BreachIntents.Detect(message));
            var mentions = Reference.MentionsBreaches(patterns, words, normalizer.RealWordForms.Contains, engine.BreachIntents.Spellings);
            Assert.Equal(mentions, engine.BreachIntents.MentionsBreaches(message));
            Assert.Equal((expected, mentions), engine.BreachIntents.Read(message));
            reports += expected is null ? 0 : 1;
            topics += mentions ? 1 : 0;
        }

        // The corpus exercises both outcomes of both questions (a comparison of nulls proves nothing).
        Assert.InRange(reports, messages.Count / 10, messages.Count - (messages.Count / 10));
        Assert.InRange(topics, 20, messages.Count - 20);
    }

    [Fact]
    public void Find_WordsKnownAtStartUp_HitExactlyWhatTheirFormsHitOnTheSpot()
    {
        var engine = EvaluationSets.Product;
        var dutch = engine.Index.Analysis(KnowledgeLanguage.Dutch);
        var english = engine.Index.Analysis(KnowledgeLanguage.English);
        var patterns = engine.BreachIntents.Patterns;
        var parts = BreachIntentDetector.CompoundParts(engine.BreachIntents.Patterns, dutch);
        // The vocabulary the product's detector has (KnowledgeEngine): the entries, the example questions and the patterns.
        var normalizer = new WordNormalizer(dutch, english, engine.Knowledge.Texts.Concat(engine.Knowledge.Examples.Select(e => e.Question)).Append(engine.Knowledge.BreachIntents), parts);
        var precomputed = new BreachPatternMatcher(patterns, normalizer.KnownForms);
        var onTheSpot = new BreachPatternMatcher(patterns);
        var patternWords = patterns.SelectMany(p => p.Groups).SelectMany(g => g).SelectMany(a => a).Where(w => w != BreachIntentDetector.StartMarker).Distinct().Count();

        // Every known word alone (its forms are the shared set the table is keyed by), then the dev questions and typed patterns whole.
        var messages = normalizer.KnownForms.Select(forms => (IReadOnlyList<IReadOnlySet<string>>)[forms])
            .Concat(EvaluationSets.Dev.Select(c => normalizer.Words(c.Question)))
            .Concat(Typed(patterns, new Random(20261207)).Take(1000).Select(normalizer.Words))
            .ToList();
        var hitPositions = 0;
        foreach (var words in messages)
        {
            using var expected = onTheSpot.Find(words);
            using var actual = precomputed.Find(words);
            for (var id = 0; id < patternWords; id++)
            {
                var anywhere = false;
                for (var position = 0; position < words.Count; position++)
                {
                    Assert.Equal(expected.Has(id, position), actual.Has(id, position));
                    anywhere |= expected.Has(id, position);
                    hitPositions += expected.Has(id, position) ? 1 : 0;
                }

                Assert.Equal(anywhere, actual.Anywhere(id));
            }
        }

        Assert.True(precomputed.KnownWords > 1000, $"only {precomputed.KnownWords} words worked out in advance");
        Assert.Equal(0, onTheSpot.KnownWords);
        Assert.True(hitPositions > 1000, $"only {hitPositions} hits: the comparison proves little");
    }

    [Theory]
    [InlineData("laptop + kwijt", "mijn lapotp is kwijt", true)]
    [InlineData("laptop + kwijt", "mijn laptopp is kwijt", true)]
    [InlineData("laptop + kwijt", "mijn aptop is kwijt", false)] // the first letter must match
    [InlineData("laptop + kwijt", "mijn laptop is kwjit", true)]
    [InlineData("tas + kwijt", "mijn tsa is kwijt", false)] // a pattern word under five letters: exact only
    [InlineData("harde schijf + kwijt", "harde schjif kwijt", true)]
    [InlineData("harde schijf + kwijt", "schijf harde kwijt", false)] // a sequence keeps its order
    [InlineData("^wat + datalek", "datalek wat", false)]
    [InlineData("^wat + datalek", "wat een datalek", true)]
    public void Detect_SmallPatternFiles_DecidesExactlyAsTheReference(string file, string message, bool expected)
    {
        var dutch = TestKnowledge.Fixture.Index.Analysis(KnowledgeLanguage.Dutch);
        var english = TestKnowledge.Fixture.Index.Analysis(KnowledgeLanguage.English);
        var detector = new BreachIntentDetector(file, dutch, english);
        var words = detector.Normalizer.Words(message);

        Assert.Equal(expected, Reference.Detect(detector.Patterns, words, spellings: detector.Spellings) is not null);
        Assert.Equal(Reference.Detect(detector.Patterns, words, spellings: detector.Spellings), detector.Detect(message));
    }

    [Fact]
    public void Detect_ShippedPatternsWithTheRealWordList_KeepsTypoToleranceForOtherWords()
    {
        // The product's real words change decisions (the reference test above would pass with an empty list), so the list must
        // be loaded, hold the words it was made for, and leave a misspelling that is no word a typo.
        var normalizer = EvaluationSets.Product.BreachIntents.Normalizer;

        Assert.True(normalizer.RealWordForms.Count > 1000, $"only {normalizer.RealWordForms.Count} real words loaded");
        Assert.True(normalizer.RealWordForms.Contains(normalizer.Words("ingetrokken")[0]));
        Assert.False(normalizer.RealWordForms.Contains(normalizer.Words("gestoeln")[0]));
        Assert.False(normalizer.RealWordForms.Contains(normalizer.Words("laptop")[0]));
    }

    [Fact]
    public void Detect_MessageLongerThanSixtyFourWords_FindsAPatternNearTheEnd()
    {
        var engine = EvaluationSets.Product;
        var message = string.Join(' ', Enumerable.Repeat("vandaag", 80)) + " mijn laptop is gestolen";

        Assert.NotNull(engine.BreachIntents.Detect(message));
    }

    /// <summary>
    /// Messages made of pattern alternatives (some with a typo: a swap, a missing, doubled or changed letter) among filler words, in shuffled order:
    /// every other message takes one alternative of each group of one pattern (so it would match but for typos, order and guards), the others any alternatives.
    /// </summary>
    private static IEnumerable<string> Typed(IReadOnlyList<BreachIntentPattern> patterns, Random random)
    {
        string[] filler = ["ik", "mijn", "de", "een", "vandaag", "school", "is", "wat", "per", "leerling", "met", "en"];
        static List<string> Words(IReadOnlyList<string> alternative) => alternative.Where(w => w != BreachIntentDetector.StartMarker).ToList();
        var alternatives = patterns.SelectMany(p => p.Groups).SelectMany(g => g).Select(Words).Where(a => a.Count > 0).ToList();
        for (var i = 0; i < 3000; i++)
        {
            var words = new List<string>();
            if (i % 2 == 0)
            {
                foreach (var group in patterns[random.Next(patterns.Count)].Groups)
                {
                    words.AddRange(Words(group[random.Next(group.Count)]).Select(w => random.Next(3) == 0 ? Typo(w, random) : w));
                }
            }
            else
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    words.AddRange(alternatives[random.Next(alternatives.Count)].Select(w => random.Next(3) == 0 ? Typo(w, random) : w));
                }
            }

            for (var n = random.Next(0, 5); n > 0; n--)
            {
                words.Insert(random.Next(words.Count + 1), filler[random.Next(filler.Length)]);
            }

            if (random.Next(4) == 0)
            {
                // Some in a shuffled order: sequences and anchors must then fail where the reference fails.
                words = words.OrderBy(_ => random.Next()).ToList();
            }

            yield return string.Join(' ', words);
        }
    }

    private static string Typo(string word, Random random)
    {
        if (word.Length < 2)
        {
            return word;
        }

        var i = random.Next(word.Length - 1);
        return random.Next(5) switch
        {
            0 => string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), // missing letter
            1 => word.Insert(i, word[i].ToString()), // doubled letter
            2 => string.Concat(word.AsSpan(0, i), "x", word.AsSpan(i + 1)), // changed letter
            3 => string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2)), // swap
            _ => string.Concat(word.AsSpan(0, i), "q", word.AsSpan(i)), // extra letter
        };
    }

    /// <summary>
    /// The matching as it was before <see cref="BreachPatternMatcher"/> (commit e4c9b81), with session 15's rule that a real word
    /// (<c>real-words.txt</c>) has no typo tolerance, only its d/t twin, and that a typo may be one edit from the pattern word as the
    /// file spells it rather than from its stem.
    /// </summary>
    private static class Reference
    {
        public static BreachIntentMatch? Detect(
            IReadOnlyList<BreachIntentPattern> patterns,
            IReadOnlyList<IReadOnlySet<string>> words,
            Func<IReadOnlySet<string>, bool>? isReal = null,
            IReadOnlyDictionary<string, IReadOnlySet<string>>? spellings = null)
        {
            var rules = new Rules(isReal ?? (_ => false), spellings ?? new Dictionary<string, IReadOnlySet<string>>());
            BreachIntentPattern? hit = null;
            foreach (var pattern in patterns)
            {
                if (pattern.IsTopic || !Matches(pattern, words, rules))
                {
                    continue;
                }

                if (pattern.IsGuard)
                {
                    return null;
                }

                hit ??= pattern;
            }

            return hit is null ? null : new BreachIntentMatch(hit.Line, hit.Text);
        }

        public static bool MentionsBreaches(
            IReadOnlyList<BreachIntentPattern> patterns,
            IReadOnlyList<IReadOnlySet<string>> words,
            Func<IReadOnlySet<string>, bool>? isReal = null,
            IReadOnlyDictionary<string, IReadOnlySet<string>>? spellings = null)
        {
            var rules = new Rules(isReal ?? (_ => false), spellings ?? new Dictionary<string, IReadOnlySet<string>>());
            return patterns.Any(p => p.IsTopic && Matches(p, words, rules));
        }

        private static bool Matches(BreachIntentPattern pattern, IReadOnlyList<IReadOnlySet<string>> words, Rules rules) =>
            pattern.Groups.All(group => group.Any(alternative => Occurs(alternative, words, rules)));

        private static bool Has(IReadOnlySet<string> forms, string pattern, bool real, Rules rules)
        {
            if (forms.Contains(pattern))
            {
                return true;
            }

            if (real)
            {
                return forms.Any(form => BreachIntentDetector.DtTwin(form) == pattern);
            }

            var written = rules.Spellings.TryGetValue(pattern, out var spelled) ? spelled : (IEnumerable<string>)[];
            return written.Append(pattern).Where(target => target.Length >= 5).Any(target =>
                forms.Any(form => form.Length >= 5 && Math.Abs(form.Length - target.Length) <= 1 && form[0] == target[0] && BreachIntentDetector.WithinOneEdit(form, target)));
        }

        private sealed record Rules(Func<IReadOnlySet<string>, bool> IsReal, IReadOnlyDictionary<string, IReadOnlySet<string>> Spellings);

        private static bool Occurs(IReadOnlyList<string> sequence, IReadOnlyList<IReadOnlySet<string>> words, Rules rules)
        {
            var anchored = sequence.Count > 0 && sequence[0] == BreachIntentDetector.StartMarker;
            if (anchored)
            {
                sequence = sequence.Skip(1).ToList();
            }

            for (var start = 0; start + sequence.Count <= words.Count && (!anchored || start == 0); start++)
            {
                var all = true;
                for (var i = 0; i < sequence.Count && all; i++)
                {
                    all = Has(words[start + i], sequence[i], rules.IsReal(words[start + i]), rules);
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
