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

    private static readonly SectionedListParser.Wording Wording = new("words", "words before the first section; put them", "an empty word", "an empty list would switch its rule off for {0} questions");

    /// <summary>Parses <paramref name="text"/>; adds problems (naming <paramref name="file"/>) and returns null when it cannot be used.</summary>
    public static WordList? Read(string file, string text, ICollection<KnowledgeProblem> problems) =>
        SectionedListParser.Read(file, text, Wording, static word => word, ShapeProblem, problems, static (items, number) => items.Select(word => new ListedWord(word, number)))
            is var (dutch, english) ? new WordList(file, dutch, english) : null;

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

        if (SectionedListParser.CommonShapeProblem(word) is { } common)
        {
            return common;
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
