using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// Reads <c>how-to-phrases.txt</c>: <c>#</c> comment lines, a section <c>[Nederlands]</c> and a section
/// <c>[English]</c> (as in the word lists), and under each phrases separated by commas. A phrase is words
/// separated by single spaces; <c>*</c> stands for any one word, and a leading <c>^</c> means the phrase
/// must open the message.
/// </summary>
/// <remarks>
/// Everything that would make a phrase match nothing or everything is refused with its line: phrases
/// outside a section, an unknown or repeated section, an empty phrase, punctuation inside a phrase, a
/// <c>^</c> anywhere but at the start, a phrase of <c>*</c> only, a phrase listed twice in a language, a
/// language without phrases.
/// </remarks>
public static partial class HowToPhraseReader
{
    private static readonly SectionedListParser.Wording Wording = new("phrases", "a phrase before the first section; put it", "an empty phrase", "without them {0} how-to questions get \"Bedoel je…?\" cards with privacy entries");

    /// <summary>Parses <paramref name="text"/>; adds problems (naming <paramref name="file"/>) and returns null when it cannot be used.</summary>
    public static HowToPhraseList? Read(string file, string text, ICollection<KnowledgeProblem> problems) =>
        SectionedListParser.Read(
            file,
            text,
            Wording,
            // Single spaces: "werkt  niet" and "werkt niet" are one phrase.
            static item => Spaces().Replace(item, " "),
            ShapeProblem,
            problems,
            static (items, number) => items.Select(item => Parse(item, number)))
            is var (dutch, english) ? new HowToPhraseList(file, dutch, english) : null;

    private static HowToPhrase Parse(string item, int line)
    {
        var opening = item.StartsWith('^');
        var body = opening ? item[1..] : item;
        // "*" is kept as a word of its own; the other words are read like a question's (hyphens split, apostrophes dropped).
        var words = body.Split(' ').SelectMany(w => w == HowToPhrase.AnyWord ? [w] : TextNormalizer.Words(w)).ToArray();
        return new HowToPhrase(item, words, opening, line);
    }

    private static string? ShapeProblem(string phrase)
    {
        if (PhrasePattern().IsMatch(phrase))
        {
            return phrase.TrimStart('^').Split(' ').All(w => w == HowToPhrase.AnyWord)
                ? $"'{phrase}' has only '*': it would match every question; name at least one word"
                : null;
        }

        if (SectionedListParser.CommonShapeProblem(phrase) is { } common)
        {
            return common;
        }

        if (phrase.LastIndexOf('^') > 0)
        {
            return $"'{phrase}' has '^' inside it; '^' may only start a phrase (the phrase must open the message)";
        }

        var odd = phrase.FirstOrDefault(c => !char.IsLetterOrDigit(c) && c is not (' ' or '-' or '\'' or '’' or '*' or '^'));
        return odd != default
            ? $"'{phrase}' contains '{odd}'; a phrase is words of letters and digits (a hyphen or apostrophe inside a word) or '*', separated by spaces; phrases are separated by commas"
            : $"'{phrase}' has a hyphen or apostrophe at the start or end of a word, or '*' inside a word";
    }

    // An optional "^", then words of letters and digits (joined inside by single hyphens or apostrophes) or "*", separated by single spaces.
    [GeneratedRegex(@"^\^?(?:\*|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)(?: (?:\*|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*))*$")]
    private static partial Regex PhrasePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
