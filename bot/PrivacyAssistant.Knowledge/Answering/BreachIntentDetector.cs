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

    public BreachIntentDetector(string patternsText, LanguageAnalysis dutch, LanguageAnalysis english)
    {
        _normalizer = new WordNormalizer(dutch, english);
        _patterns = Parse(patternsText, _normalizer);
    }

    public IReadOnlyList<BreachIntentPattern> Patterns => _patterns;

    /// <summary>The matching pattern, or null when the message is not a breach report (or a guard matched).</summary>
    public BreachIntentMatch? Detect(string message)
    {
        var words = _normalizer.Words(message);
        BreachIntentPattern? hit = null;
        foreach (var pattern in _patterns)
        {
            if (!Matches(pattern, words))
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

    /// <summary>Parses the file; throws <see cref="KnowledgeLoadException"/> naming the bad line.</summary>
    internal static IReadOnlyList<BreachIntentPattern> Parse(string text, WordNormalizer normalizer)
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
            var body = guard ? line[1..] : line;
            var groups = new List<IReadOnlyList<IReadOnlyList<string>>>();
            foreach (var group in body.Split('+'))
            {
                var alternatives = group.Split('|')
                    .Select(a => (IReadOnlyList<string>)normalizer.Pattern(a))
                    .ToList();
                if (alternatives.Any(a => a.Count == 0))
                {
                    problems.Add(new KnowledgeProblem(KnowledgeLoader.BreachIntentsFile, $"line {lineNumber}: empty alternative in '{line}' (check for '||', a trailing '|' or '+')"));
                    break;
                }

                groups.Add(alternatives);
            }

            patterns.Add(new BreachIntentPattern(lineNumber, line, groups, guard));
        }

        if (problems.Count > 0)
        {
            throw new KnowledgeLoadException("knowledge", problems);
        }

        return patterns;
    }

    private static bool Matches(BreachIntentPattern pattern, IReadOnlyList<IReadOnlySet<string>> words) =>
        pattern.Groups.All(group => group.Any(alternative => Occurs(alternative, words)));

    private static bool Occurs(IReadOnlyList<string> sequence, IReadOnlyList<IReadOnlySet<string>> words)
    {
        for (var start = 0; start + sequence.Count <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < sequence.Count && all; i++)
            {
                all = words[start + i].Contains(sequence[i]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
