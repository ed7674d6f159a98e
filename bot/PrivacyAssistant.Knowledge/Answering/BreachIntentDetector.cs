using System.Security.Cryptography;
using System.Text;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Recognises "I have a data breach" messages ("laptop kwijt", "mail naar verkeerde ontvanger",
/// "my phone was stolen") from the patterns in <c>knowledge/breach-intents.txt</c>, separately from
/// FAQ retrieval: a report must never be mistaken for a question with a confident answer.
/// </summary>
/// <remarks>
/// Words are compared in a normalised form (lowercase, accents folded, Dutch and English stems,
/// Dutch compound parts) so "laptops", "schoollaptop" and "Laptop" all match <c>laptop</c>.
/// Guards ("!" lines) win over patterns: "is een gestolen laptop altijd een datalek?" asks about
/// breaches in general.
/// </remarks>
public sealed class BreachIntentDetector
{
    private readonly IReadOnlyList<BreachIntentPattern> _patterns;
    private readonly WordNormalizer _normalizer;
    private readonly BreachPatternMatcher _matcher;

    /// <param name="vocabulary">Texts whose words are normalised once up front rather than in every message (the knowledge base's texts); results are the same either way.</param>
    /// <param name="realWordsText">
    /// The text of <c>real-words.txt</c>: correctly spelled words that match pattern words exactly only, never through the typo
    /// tolerance ("ingetrokken" is no misspelling of "ingebroken"); see <see cref="RealWords"/>.
    /// </param>
    public BreachIntentDetector(string patternsText, LanguageAnalysis dutch, LanguageAnalysis english, IEnumerable<string>? vocabulary = null, string? realWordsText = null)
    {
        _patterns = Parse(patternsText, dutch);
        _normalizer = new WordNormalizer(dutch, english, vocabulary is null ? null : vocabulary.Append(patternsText), CompoundParts(_patterns, dutch), RealWords(realWordsText));
        Spellings = PatternSpellings(_patterns, dutch);
        _matcher = new BreachPatternMatcher(_patterns, _normalizer.KnownForms, _normalizer.RealWordForms, Spellings);
        ToleranceWordsSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', _matcher.ToleranceWords))));
    }

    /// <summary>
    /// SHA-256 (lowercase hex) of the words the typo tolerance measures from, each with its pattern word
    /// (<see cref="BreachPatternMatcher.ToleranceWords"/>): what <c>real-words.txt</c> depends on. The <c>real-words</c> command
    /// records it in the file (<see cref="RealWordsStamp"/>) so a later edit of the patterns shows. Comments, line order, guards'
    /// and topics' short words, "+", "|" and "^" do not change it; a new, removed or respelled word of five letters or more does.
    /// </summary>
    public string ToleranceWordsSha256 { get; }

    /// <summary>
    /// The pattern words as the file spells them, by their stem where the two differ ("gestolen" for "gestol", "stolen" for
    /// "stol"): a typo is one letter from the word as written, which may be two from its stem ("gestoeln", "stolenn").
    /// </summary>
    internal IReadOnlyDictionary<string, IReadOnlySet<string>> Spellings { get; }

    public IReadOnlyList<BreachIntentPattern> Patterns => _patterns;

    /// <summary>How this detector turns a message into word forms (with its compound parts), for tests that match by another path.</summary>
    internal WordNormalizer Normalizer => _normalizer;

    /// <summary>The matching pattern, or null when the message is not a breach report (or a guard matched).</summary>
    public BreachIntentMatch? Detect(string message) => Read(message).Report;

    /// <summary>
    /// Whether the message names breaches as its subject (a "?" line matches): a question such as
    /// "moeten ouders het horen bij een datalek" is about the breach entry even when another entry
    /// shares more of its words.
    /// </summary>
    public bool MentionsBreaches(string message) => Read(message).MentionsBreaches;

    /// <summary><see cref="Detect"/> and <see cref="MentionsBreaches"/> at once: the message's words are normalised and located once.</summary>
    public (BreachIntentMatch? Report, bool MentionsBreaches) Read(string message)
    {
        using var hits = _matcher.Find(_normalizer.Words(message));
        BreachIntentPattern? hit = null;
        var guarded = false;
        var mentions = false;
        for (var i = 0; i < _patterns.Count; i++)
        {
            var pattern = _patterns[i];
            if (pattern.IsTopic)
            {
                mentions = mentions || _matcher.Matches(i, hits);
            }
            else if (!guarded && (pattern.IsGuard || hit is null) && _matcher.Matches(i, hits))
            {
                // Guards win over patterns wherever they are in the file; otherwise the first pattern that matches.
                if (pattern.IsGuard)
                {
                    guarded = true;
                }
                else
                {
                    hit = pattern;
                }
            }
        }

        return (guarded || hit is null ? null : new BreachIntentMatch(hit.Line, hit.Text), mentions);
    }

    /// <summary>
    /// The stems that split a message's compounds besides the knowledge base's words: the patterns' own words and the
    /// school words, so that "schooliPad" or "mentorlijst" show the pattern word when the other part is not a word of
    /// the knowledge base.
    /// </summary>
    internal static IEnumerable<string> CompoundParts(IReadOnlyList<BreachIntentPattern> patterns, LanguageAnalysis dutch) =>
        patterns.SelectMany(p => p.Groups).SelectMany(g => g).SelectMany(a => a)
            .Where(w => w != StartMarker)
            .Concat(dutch.School)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The words of <paramref name="words"/> (a word list of the language, folded like a message's words) that the typo tolerance
    /// reads as a pattern word they do not match as written or through their d/t twin: what <c>real-words.txt</c> holds for a
    /// dictionary, in the order given, each once. For the <c>real-words</c> admin command, after the patterns change.
    /// </summary>
    public IReadOnlyList<string> TypoNeighbours(IEnumerable<string> words)
    {
        var distinct = words.SelectMany(TextNormalizer.Words).Distinct(StringComparer.Ordinal).ToList();
        var forms = distinct.Select(word => _normalizer.Words(word)[0]).ToList();
        var asTyped = new BreachPatternMatcher(_patterns, null, null, Spellings);
        var asReal = new BreachPatternMatcher(_patterns, forms, new HashSet<IReadOnlySet<string>>(forms, ReferenceEqualityComparer.Instance), Spellings);
        var neighbours = new List<string>();
        for (var i = 0; i < distinct.Count; i++)
        {
            using var typed = asTyped.Find([forms[i]]);
            using var real = asReal.Find([forms[i]]);
            for (var id = 0; id < asTyped.PatternWords; id++)
            {
                if (typed.Has(id, 0) && !real.Has(id, 0))
                {
                    neighbours.Add(distinct[i]);
                    break;
                }
            }
        }

        return neighbours;
    }

    /// <summary>
    /// The words of <c>real-words.txt</c> (folded like a message's words; "#" starts a comment line). The typo tolerance is for
    /// misspellings: a word of the language is what it says, not a slip for the breach word one letter away ("overal" is not
    /// "overval", "verlof" not "verloren").
    /// </summary>
    internal static IEnumerable<string> RealWords(string? text) =>
        (text ?? string.Empty).Split('\n')
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(TextNormalizer.Words);

    // The words of every alternative (guards and topics too) as written, by their stem, where they differ: from the parsed
    // lines' text, so comments and blank lines are skipped by Parse alone.
    private static Dictionary<string, IReadOnlySet<string>> PatternSpellings(IReadOnlyList<BreachIntentPattern> patterns, LanguageAnalysis dutch)
    {
        var spellings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            foreach (var word in TextNormalizer.Words(pattern.Text.TrimStart('!', '?').Replace('^', ' ').Replace('+', ' ').Replace('|', ' ')))
            {
                var stem = dutch.Stemmer.Stem(word);
                if (stem != word)
                {
                    if (!spellings.TryGetValue(stem, out var set))
                    {
                        spellings[stem] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(word);
                }
            }
        }

        return spellings.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Parses the file; throws <see cref="KnowledgeLoadException"/> naming the bad line.</summary>
    internal static IReadOnlyList<BreachIntentPattern> Parse(string text, LanguageAnalysis dutch)
    {
        var patterns = new List<BreachIntentPattern>();
        var problems = new List<KnowledgeProblem>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var guard = line.StartsWith('!');
            var topic = line.StartsWith('?');
            var body = guard || topic ? line[1..] : line;
            var groups = new List<IReadOnlyList<IReadOnlyList<string>>>();
            foreach (var group in body.Split('+'))
            {
                var alternatives = group.Split('|')
                    .Select(a => (IReadOnlyList<string>)WordNormalizer.Pattern(a, dutch))
                    .ToList();
                if (alternatives.Any(a => a.Count == 0))
                {
                    problems.Add(new KnowledgeProblem(KnowledgeLoader.BreachIntentsFile, $"line {lineNumber}: empty alternative in '{line}' (check for '||', a trailing '|' or '+')"));
                    break;
                }

                groups.Add(alternatives);
            }

            patterns.Add(new BreachIntentPattern(lineNumber, line, groups, guard, topic));
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeLoadException("knowledge", problems);
        }

        return patterns;
    }

    /// <summary>
    /// A message word matches a pattern word when one of its forms is the pattern word or (typo
    /// tolerance) is one edit away from a pattern word of at least this many letters, with the same
    /// first letter ("lapop" for "laptop"), or one edit from the pattern word as the file spells it, of at least this
    /// many letters ("gestoeln" for "gestolen", whose stem is "gestol"; <see cref="Spellings"/>). Not for a real word (<see cref="RealWords"/>): it matches
    /// exactly, or with its final d and t exchanged (<see cref="DtTwin"/>). <see cref="BreachPatternMatcher"/> applies the rule.
    /// </summary>
    internal const int TypoMinimumLength = 5;

    internal const string StartMarker = "^";

    /// <summary>
    /// The form with its final d and t exchanged ("gebeurt" for "gebeurd"), or null. Dutch spells one verb's forms with either
    /// ending ("het is gebeurd", "het gebeurt"), and writing the other one is the commonest spelling slip that still gives a real
    /// word, so a real word keeps that one tolerance.
    /// </summary>
    internal static string? DtTwin(string form) =>
        form.Length < 2 ? null : form[^1] switch
        {
            'd' => string.Concat(form.AsSpan(0, form.Length - 1), "t"),
            't' => string.Concat(form.AsSpan(0, form.Length - 1), "d"),
            _ => null,
        };

    /// <summary>Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of neighbours.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length)
        {
            return b.Length - a.Length <= 1;
        }

        if (a.Length == b.Length)
        {
            // substitution, or a swap of two neighbours
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1)); // one letter missing from a
    }
}
