using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Whether a question asks how to operate something or says that something does not work ("hoe maak ik…",
/// "how do I…", "werkt niet", <c>knowledge/how-to-phrases.txt</c>) without naming the people a school holds
/// data about (<c>knowledge/people-words.txt</c>). Such a question, when it also has no question-form word
/// (<see cref="QuestionForm"/>), asks about a tool: off-topic how-to questions share a word with an entry
/// ("quiz", "filmpje", "back-up") far more often than a privacy question is asked this way
/// (docs/knowledge-retrieval.md, "Session 11, off-topic").
/// </summary>
/// <remarks>
/// Matched on the question's folded words as typed, like <see cref="QuestionForm"/>: "hoe", "ik" and "niet" are
/// stop words that retrieval drops. Privacy is about people, so a named pupil, parent or colleague keeps a
/// how-to question's card ("hoe bespreek ik een leerling met de jeugdarts"). A Dutch people word of
/// <see cref="QuestionForm.CompoundLength"/> letters or more also counts as the end of a compound
/// ("zorgleerling": Dutch compounds end in what they name; "leerlingenlaptop" is a laptop).
/// </remarks>
public sealed class HowToQuestion
{
    private readonly HowToPhrase[] _phrases;
    private readonly HashSet<string> _people = new(StringComparer.Ordinal);
    private readonly string[] _compoundHeads;

    public HowToQuestion(HowToPhraseList phrases, WordList people)
    {
        _phrases = [.. phrases.Dutch, .. phrases.English];
        foreach (var listed in people.Dutch.Concat(people.English))
        {
            foreach (var part in TextNormalizer.Words(listed.Word))
            {
                _people.Add(part);
            }
        }

        _compoundHeads = [.. people.Dutch.SelectMany(w => TextNormalizer.Words(w.Word)).Where(w => w.Length >= QuestionForm.CompoundLength).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The how-to phrase <paramref name="question"/> has when it names no people; otherwise null.</summary>
    public HowToPhrase? Match(string question)
    {
        var words = TextNormalizer.Words(question);
        HowToPhrase? found = null;
        foreach (var phrase in _phrases)
        {
            if (Occurs(phrase, words))
            {
                found = phrase;
                break;
            }
        }

        return found is null || NamesPeople(words) ? null : found;
    }

    private bool NamesPeople(string[] words)
    {
        foreach (var word in words)
        {
            if (_people.Contains(word))
            {
                return true;
            }

            foreach (var head in _compoundHeads)
            {
                if (word.Length > head.Length && word.EndsWith(head, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Occurs(HowToPhrase phrase, string[] words)
    {
        var last = phrase.Opening ? 0 : words.Length - phrase.Words.Count;
        for (var start = 0; start <= last; start++)
        {
            if (At(phrase, words, start))
            {
                return true;
            }
        }

        return false;
    }

    private static bool At(HowToPhrase phrase, string[] words, int start)
    {
        if (start + phrase.Words.Count > words.Length)
        {
            return false;
        }

        for (var i = 0; i < phrase.Words.Count; i++)
        {
            if (phrase.Words[i] != HowToPhrase.AnyWord && phrase.Words[i] != words[start + i])
            {
                return false;
            }
        }

        return true;
    }
}
