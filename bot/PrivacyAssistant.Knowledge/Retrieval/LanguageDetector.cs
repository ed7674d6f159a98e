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

    /// <summary>The language, or null when the text gives no clear sign.</summary>
    public static KnowledgeLanguage? Detect(string text)
    {
        var words = text.Split((char[])[' ', '\t', '\n', '\r', ',', '.', '?', '!', ';', ':', '(', ')', '"', '/'], StringSplitOptions.RemoveEmptyEntries);
        var dutch = 0;
        var english = 0;
        foreach (var word in words)
        {
            var w = word.Trim('\'', '’').ToLowerInvariant();
            var inDutch = Dutch.Contains(w);
            var inEnglish = English.Contains(w);
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
