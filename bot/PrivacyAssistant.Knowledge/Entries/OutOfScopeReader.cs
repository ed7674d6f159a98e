using System.Text.RegularExpressions;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// Reads <c>out-of-scope.txt</c>: <c>#</c> comment lines, a section <c>[Nederlands]</c> and a
/// section <c>[English]</c> (as in the word lists), and under each one topic per line, written as
/// phrases separated by commas.
/// </summary>
/// <remarks>
/// Everything that would make a topic count for nothing or for something else than intended is
/// refused with its line: topics outside a section, an unknown or repeated section, an empty phrase
/// between commas, punctuation or markup inside a phrase, a phrase listed twice in a language, a
/// language without topics. Whether a phrase survives the analysis, and whether it is an entry's
/// phrasing, is checked where the topics are analysed (<c>OutOfScopeMatcher</c>).
/// </remarks>
public static partial class OutOfScopeReader
{
    /// <summary>Parses <paramref name="text"/>; adds problems (naming <paramref name="file"/>) and returns null when it cannot be used.</summary>
    public static OutOfScopeList? Read(string file, string text, ICollection<KnowledgeProblem> problems)
    {
        var before = problems.Count;
        void Problem(int line, string message) => problems.Add(new KnowledgeProblem(file, $"line {line}: {message}"));

        var topics = new Dictionary<KnowledgeLanguage, List<OutOfScopeTopic>>
        {
            [KnowledgeLanguage.Dutch] = [],
            [KnowledgeLanguage.English] = [],
        };
        var firstLine = new Dictionary<KnowledgeLanguage, Dictionary<string, int>>
        {
            [KnowledgeLanguage.Dutch] = new(StringComparer.OrdinalIgnoreCase),
            [KnowledgeLanguage.English] = new(StringComparer.OrdinalIgnoreCase),
        };
        var sectionLines = new Dictionary<KnowledgeLanguage, int>();
        KnowledgeLanguage? section = null;
        var headed = false;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var number = index + 1;
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                headed = true;
                section = WordListReader.SectionOf(line);
                if (section is null)
                {
                    Problem(number, $"unknown section '{line}'; the sections are {WordListReader.DutchSection} and {WordListReader.EnglishSection}");
                }
                else if (sectionLines.TryGetValue(section.Value, out var earlier))
                {
                    Problem(number, $"the section {line} is already on line {earlier}; keep one and move its topics there");
                    section = null;
                }
                else
                {
                    sectionLines[section.Value] = number;
                }

                continue;
            }

            if (section is null)
            {
                if (!headed)
                {
                    Problem(number, $"a topic before the first section; put it under {WordListReader.DutchSection} or {WordListReader.EnglishSection}");
                }

                continue;
            }

            var phrases = new List<string>();
            var items = line.Split(',');
            for (var i = 0; i < items.Length; i++)
            {
                // Composed form and single spaces: "koffie  automaat" and "koffie automaat" are one phrase.
                var phrase = Spaces().Replace(items[i].Trim().Normalize(), " ");
                if (phrase.Length == 0)
                {
                    if (i < items.Length - 1)
                    {
                        Problem(number, "an empty phrase (a comma at the start of the line or two commas in a row)");
                    }

                    continue;
                }

                var shape = ShapeProblem(phrase);
                if (shape is not null)
                {
                    Problem(number, shape);
                }
                else if (firstLine[section.Value].TryGetValue(phrase, out var first))
                {
                    Problem(number, $"'{phrase}' is already listed under {WordListReader.Name(section.Value)} (line {first})");
                }
                else
                {
                    firstLine[section.Value][phrase] = number;
                    phrases.Add(phrase);
                }
            }

            if (phrases.Count > 0)
            {
                topics[section.Value].Add(new OutOfScopeTopic(phrases, number));
            }
        }

        foreach (var language in topics.Keys.Where(l => topics[l].Count == 0))
        {
            problems.Add(new KnowledgeProblem(file, sectionLines.ContainsKey(language)
                ? $"the section {WordListReader.Name(language)} has no topics; without them {language} questions about other matters get \"Bedoel je…?\" cards"
                : $"the section {WordListReader.Name(language)} is missing; write it with the {language} topics under it"));
        }

        return problems.Count > before ? null : new OutOfScopeList(file, topics[KnowledgeLanguage.Dutch], topics[KnowledgeLanguage.English]);
    }

    private static string? ShapeProblem(string phrase)
    {
        if (PhrasePattern().IsMatch(phrase))
        {
            return null;
        }

        if (phrase.Contains('\uFFFD'))
        {
            return $"'{phrase}' has a character that is not UTF-8 text; save the file as UTF-8";
        }

        if (phrase.Contains('#'))
        {
            return $"'{phrase}' contains '#'; a comment goes on a line of its own, starting with '#'";
        }

        var odd = phrase.FirstOrDefault(c => !char.IsLetterOrDigit(c) && c is not (' ' or '-' or '\'' or '’'));
        return odd != default
            ? $"'{phrase}' contains '{odd}'; a phrase is words of letters and digits (a hyphen or apostrophe inside a word), separated by spaces; phrases are separated by commas"
            : $"'{phrase}' has a hyphen or apostrophe at the start or end of a word, or two in a row";
    }

    // Words of letters and digits, joined inside by single hyphens or apostrophes ("can't", "wi-fi"), separated by single spaces.
    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*(?: [\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)*$")]
    private static partial Regex PhrasePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
