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
    private static readonly SectionedListParser.Wording Wording = new("topics", "a topic before the first section; put it", "an empty phrase", "without them {0} questions about other matters get \"Bedoel je…?\" cards");

    /// <summary>Parses <paramref name="text"/>; adds problems (naming <paramref name="file"/>) and returns null when it cannot be used.</summary>
    public static OutOfScopeList? Read(string file, string text, ICollection<KnowledgeProblem> problems) =>
        SectionedListParser.Read<OutOfScopeTopic>(
            file,
            text,
            Wording,
            // Single spaces: "koffie  automaat" and "koffie automaat" are one phrase.
            static item => Spaces().Replace(item, " "),
            ShapeProblem,
            problems,
            // One topic per line: its phrases together.
            static (phrases, number) => [new OutOfScopeTopic([.. phrases], number)])
            is var (dutch, english) ? new OutOfScopeList(file, dutch, english) : null;

    private static string? ShapeProblem(string phrase)
    {
        if (PhrasePattern().IsMatch(phrase))
        {
            return null;
        }

        if (SectionedListParser.CommonShapeProblem(phrase) is { } common)
        {
            return common;
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
