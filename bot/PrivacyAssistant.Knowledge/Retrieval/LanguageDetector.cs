using System.Buffers;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Tells Dutch from English by their function words ("de", "het", "ik", "mag" against "the",
/// "is", "can", "my"). Questions are short, so a full language model buys little; when neither
/// side wins the caller searches both languages.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> Dutch = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "het", "een", "en", "ik", "je", "jij", "u", "mag", "mogen", "moet", "moeten", "kan", "kun", "kunnen", "wat",
        "hoe", "waar", "wanneer", "wie", "welke", "waarom", "is", "zijn", "van", "voor", "met", "op", "aan", "bij", "naar",
        "over", "niet", "geen", "wel", "mijn", "ons", "onze", "als", "dat", "die", "dit", "deze", "er", "ook", "nog", "om",
        "te", "of", "maar", "heb", "heeft", "hebben", "ben", "wordt", "worden", "zo", "mee", "zonder", "leerling", "leerlingen",
        "ouders", "school", "mail", "gegevens", "toestemming", "kwijt", "gestolen", "melden", "mn", "m'n", "iets", "nou",
        // "we" is Dutch too: "hoelang bewaren we…" must not be searched as English.
        "we", "wij", "jullie", "zij", "ze", "hun", "hoelang", "hoeveel", "welk", "waarom", "mogen", "bewaren",
    };

    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "i", "you", "may", "can", "could", "should", "must", "what", "how", "where", "when", "who",
        "which", "why", "is", "are", "was", "were", "of", "for", "with", "on", "at", "to", "from", "about", "not", "no", "my",
        "our", "your", "if", "that", "this", "these", "there", "also", "or", "but", "have", "has", "do", "does", "be", "been",
        "it", "its", "it's", "i'm", "allowed", "student", "students", "parents", "school", "email", "data", "consent", "lost",
        "stolen", "report", "someone", "anyone", "need", "want", "whether", "them", "they", "their", "we", "us", "me", "sent",
    };

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\n\r,.?!;:()\"/");

    /// <summary>The language, or null when the text gives no clear sign.</summary>
    public static KnowledgeLanguage? Detect(string text)
    {
        // The words as text.Split(separators, RemoveEmptyEntries), each trimmed of apostrophes and
        // lowercased (invariant) on the stack: this runs on every question (RELIABILITY.md, session 11).
        var dutchWords = Dutch.GetAlternateLookup<ReadOnlySpan<char>>();
        var englishWords = English.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        var dutch = 0;
        var english = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(Separators);
            var word = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (word.IsEmpty)
            {
                continue;
            }

            var trimmed = word.Trim(['\'', '’']);
            scoped ReadOnlySpan<char> w;
            if (trimmed.Length <= buffer.Length)
            {
                var length = trimmed.ToLowerInvariant(buffer);
                w = buffer[..length];
            }
            else
            {
                w = trimmed.ToString().ToLowerInvariant();
            }

            var inDutch = dutchWords.Contains(w);
            var inEnglish = englishWords.Contains(w);
            if (inDutch && !inEnglish)
            {
                dutch++;
            }
            else if (inEnglish && !inDutch)
            {
                english++;
            }
        }

        if (english > dutch)
        {
            return KnowledgeLanguage.English;
        }

        return dutch > english ? KnowledgeLanguage.Dutch : null;
    }
}
