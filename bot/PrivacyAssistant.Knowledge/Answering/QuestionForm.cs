using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Whether a question is shaped like a privacy question: it asks permission or obligation ("mag",
/// "moet", "is het toegestaan", "may I", "am I allowed"), who may see something ("inzien", "access"),
/// or names personal data ("gegevens", "dossier", "foto", "privacy"), by the words of
/// <c>knowledge/question-form-words.txt</c>. Off-topic questions that share a word with an entry are
/// mostly how-to questions, "werkt niet" and complaints, which have none of these words
/// (docs/knowledge-retrieval.md, "Session 10").
/// </summary>
/// <remarks>
/// Matched on the question's folded words as typed, not on the analysed terms: the permission and
/// obligation words are stop words, which retrieval removes. Both languages' words count for every
/// question (staff mix them, and a short question may give no sign of its language). A listed word of
/// <see cref="CompoundLength"/> letters or more also matches a word that begins or ends with it, so
/// compounds count ("leerlinggegevens", "privacyverklaring"); shorter ones only as a whole word
/// ("wet" must not match "weten", "mag" not "magister").
/// </remarks>
public sealed class QuestionForm
{
    /// <summary>Listed words at least this long also match as the start or end of a compound.</summary>
    public const int CompoundLength = 6;

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _compoundParts;

    public QuestionForm(WordList words)
    {
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var listed in words.Dutch.Concat(words.English))
        {
            // Read like a question's words: a hyphenated listed word counts as its parts.
            foreach (var part in TextNormalizer.Words(listed.Word))
            {
                _words.Add(part);
            }
        }

        _compoundParts = [.. _words.Where(w => w.Length >= CompoundLength).Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="question"/> has a permission, obligation, who-may-see or personal-data word.</summary>
    public bool AsksAboutPrivacy(string question)
    {
        // Spans, not Words' strings: the answerer asks up to three times per question, and the string array and a string
        // per word were most of what this cost.
        foreach (var word in TextNormalizer.WordSpans(question))
        {
            if (_lookup.Contains(word))
            {
                return true;
            }

            foreach (var part in _compoundParts)
            {
                if (word.Length > part.Length && (word.StartsWith(part, StringComparison.Ordinal) || word.EndsWith(part, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
