using System.Text.RegularExpressions;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// Reads a word list file: <c>#</c> comment lines, a section <c>[Nederlands]</c> and a section
/// <c>[English]</c>, and under each the words separated by commas (any number per line).
/// </summary>
/// <remarks>
/// A list only works through the words on it, so anything that would make a word silently count for
/// nothing is refused, each problem with its line: words outside a section, an unknown or repeated
/// section, an empty item between commas, a phrase or punctuation where a word belongs (the list is
/// matched word by word), a word listed twice, a language without words. Whether a word survives the
/// analysis (a stop word does not) is checked where the words are analysed (<c>LanguageAnalysis</c>).
/// </remarks>
public static partial class WordListReader
{
    public const string DutchSection = "[Nederlands]";
    public const string EnglishSection = "[English]";

    /// <summary>Parses <paramref name="text"/>; adds problems (naming <paramref name="file"/>) and returns null when it cannot be used.</summary>
    public static WordList? Read(string file, string text, ICollection<KnowledgeProblem> problems)
    {
        var before = problems.Count;
        void Problem(int line, string message) => problems.Add(new KnowledgeProblem(file, $"line {line}: {message}"));

        var words = new Dictionary<KnowledgeLanguage, List<ListedWord>>
        {
            [KnowledgeLanguage.Dutch] = [],
            [KnowledgeLanguage.English] = [],
        };
        var sectionLines = new Dictionary<KnowledgeLanguage, int>();
        var firstLine = new Dictionary<KnowledgeLanguage, Dictionary<string, int>>
        {
            [KnowledgeLanguage.Dutch] = new(StringComparer.OrdinalIgnoreCase),
            [KnowledgeLanguage.English] = new(StringComparer.OrdinalIgnoreCase),
        };
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
                section = SectionOf(line);
                if (section is null)
                {
                    Problem(number, $"unknown section '{line}'; the sections are {DutchSection} and {EnglishSection}");
                }
                else if (sectionLines.TryGetValue(section.Value, out var earlier))
                {
                    Problem(number, $"the section {line} is already on line {earlier}; keep one and move its words there");
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
                    Problem(number, $"words before the first section; put them under {DutchSection} or {EnglishSection}");
                }

                // Under a broken section header: that header is already reported.
                continue;
            }

            var items = line.Split(',');
            for (var i = 0; i < items.Length; i++)
            {
                // Composed form: an editor that saves "ë" as "e" plus a combining mark means the same word.
                var word = items[i].Trim().Normalize();
                if (word.Length == 0)
                {
                    // A comma at the end of a line is fine (lines read like the list they continue).
                    if (i < items.Length - 1)
                    {
                        Problem(number, "an empty word (a comma at the start of the line or two commas in a row)");
                    }

                    continue;
                }

                var shape = ShapeProblem(word);
                if (shape is not null)
                {
                    Problem(number, shape);
                }
                else if (firstLine[section.Value].TryGetValue(word, out var first))
                {
                    Problem(number, $"'{word}' is already listed under {Name(section.Value)} (line {first})");
                }
                else
                {
                    firstLine[section.Value][word] = number;
                    words[section.Value].Add(new ListedWord(word, number));
                }
            }
        }

        foreach (var language in words.Keys.Where(l => words[l].Count == 0))
        {
            problems.Add(new KnowledgeProblem(file, sectionLines.ContainsKey(language)
                ? $"the section {Name(language)} has no words; an empty list would switch its rule off for {language} questions"
                : $"the section {Name(language)} is missing; write it with the {language} words under it"));
        }

        return problems.Count > before ? null : new WordList(file, words[KnowledgeLanguage.Dutch], words[KnowledgeLanguage.English]);
    }

    internal static KnowledgeLanguage? SectionOf(string line) =>
        string.Equals(line, DutchSection, StringComparison.OrdinalIgnoreCase) ? KnowledgeLanguage.Dutch
        : string.Equals(line, EnglishSection, StringComparison.OrdinalIgnoreCase) ? KnowledgeLanguage.English
        : null;

    internal static string Name(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? EnglishSection : DutchSection;

    private static string? ShapeProblem(string word)
    {
        if (WordPattern().IsMatch(word))
        {
            return null;
        }

        if (word.Contains('\uFFFD'))
        {
            return $"'{word}' has a character that is not UTF-8 text; save the file as UTF-8";
        }

        if (word.Contains('#'))
        {
            return $"'{word}' contains '#'; a comment goes on a line of its own, starting with '#'";
        }

        if (word.Any(char.IsWhiteSpace))
        {
            return $"'{word}' is more than one word; the list is matched word by word, so separate the words with commas";
        }

        var odd = word.FirstOrDefault(c => !char.IsLetterOrDigit(c) && !IsJoiner(c));
        return odd != default
            ? $"'{word}' contains '{odd}'; a word is letters and digits, with at most a hyphen or apostrophe inside it"
            : $"'{word}' has a hyphen or apostrophe at its start or end, or two in a row; a word is letters and digits, with at most a hyphen or apostrophe inside it";
    }

    private static bool IsJoiner(char c) => c is '-' or '\'' or '’';

    // Letters and digits, joined by single hyphens or apostrophes ("diploma-uitreiking", "collega's").
    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$")]
    private static partial Regex WordPattern();
}
