using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Redaction;

/// <summary>
/// Replaces personal data in a question by placeholders (<c>[NAAM-1]</c>, <c>[E-MAIL-1]</c>,
/// <c>[TELEFOON-1]</c>, <c>[BSN-1]</c>, <c>[LEERLINGNUMMER-1]</c>, <c>[DATUM-1]</c>) before it is sent to
/// a cloud service. Numbers and addresses are recognised by pattern. Names are recognised by
/// position and vocabulary: a capitalised word inside a sentence that the knowledge base and the
/// stop-word lists do not contain, a word after a form of address ("juf", "meneer", "mevrouw"), and
/// common first names and surnames in any case (<c>names.txt</c>). It errs on the side of removing
/// too much (a product name the knowledge base does not mention becomes a placeholder); a name
/// typed in lowercase that is not on the list is the known gap (see docs/data-retention.md).
/// </summary>
public sealed partial class PersonalDataRedactor
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "de", "der", "den", "ten", "ter", "te", "t", "het", "el", "al", "von", "la", "le", "du", "da", "di", "bin",
    };

    private static readonly HashSet<string> FormsOfAddress = new(StringComparer.Ordinal)
    {
        "meneer", "mevrouw", "mevr", "mw", "dhr", "juf", "juffrouw", "meester", "mr", "mrs", "ms", "miss", "mister",
    };

    private static readonly Lazy<HashSet<string>> CommonNames = new(LoadNames);

    private readonly HashSet<string> _knownWords;
    private readonly StopWords _stopWords;

    /// <param name="knownWords">Words that are not names (lowercase, accents folded): the knowledge base's vocabulary.</param>
    /// <param name="stopWords">The stop words retrieval uses (Snowball plus <c>stop-words.txt</c>): not names either.</param>
    public PersonalDataRedactor(IEnumerable<string> knownWords, StopWords stopWords)
    {
        _stopWords = stopWords;
        _knownWords = new HashSet<string>(knownWords.Select(TextNormalizer.Fold), StringComparer.Ordinal);
        foreach (var stop in stopWords.Dutch.Concat(stopWords.English))
        {
            _knownWords.Add(TextNormalizer.Fold(stop));
        }

        _knownWords.ExceptWith(CommonNames.Value);
    }

    /// <summary>A redactor whose vocabulary is every word of the knowledge base (titles, alternates, keywords, answers) and <paramref name="stopWords"/> (the index's).</summary>
    public static PersonalDataRedactor For(KnowledgeBase knowledge, StopWords stopWords)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in knowledge.Texts)
        {
            foreach (Match word in WordPattern().Matches(text))
            {
                words.Add(TextNormalizer.Fold(word.Value));
            }
        }

        return new PersonalDataRedactor(words, stopWords);
    }

    public RedactedText Redact(string text)
    {
        var redactions = new List<Redaction>();
        Dictionary<PersonalDataKind, int>? counters = null;
        Dictionary<(PersonalDataKind, string), string>? byValue = null;

        string Placeholder(PersonalDataKind kind, string original)
        {
            counters ??= [];
            byValue ??= [];
            var key = (kind, Normalize(original));
            if (!byValue.TryGetValue(key, out var placeholder))
            {
                counters[kind] = counters.GetValueOrDefault(kind) + 1;
                placeholder = $"[{Label(kind)}-{counters[kind]}]";
                byValue[key] = placeholder;
                redactions.Add(new Redaction(kind, placeholder, original.Trim()));
            }

            return placeholder;
        }

        // Order matters: an e-mail address contains digits and names, a phone number looks like a BSN.
        // Every address has an '@' and every number and date pattern a digit (\d is any Unicode decimal
        // digit, as char.IsDigit): most questions have neither, and a pattern that cannot match is not run.
        if (text.Contains('@'))
        {
            text = EmailPattern().Replace(text, m => Placeholder(PersonalDataKind.Email, m.Value));
        }

        if (HasDigit(text))
        {
            text = DatePattern().Replace(text, m => Placeholder(PersonalDataKind.Date, m.Value));
            text = PhonePattern().Replace(text, m => m.Groups["lead"].Value + Placeholder(PersonalDataKind.Phone, m.Groups["number"].Value));
            text = StudentNumberCuePattern().Replace(text, m => m.Groups["cue"].Value + Placeholder(PersonalDataKind.StudentNumber, m.Groups["number"].Value));
            text = BsnPattern().Replace(text, m => Placeholder(PersonalDataKind.BsnLikeNumber, m.Value));
            text = StudentNumberPattern().Replace(text, m => Placeholder(PersonalDataKind.StudentNumber, m.Value));
        }

        text = RedactNames(text, original => Placeholder(PersonalDataKind.Name, original));
        return new RedactedText(text, redactions);
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word of the text by position (what <see cref="WordPattern"/> matched), so reading a question's words allocates no Match or string per word.</summary>
    private readonly record struct Word(int Index, int Length);

    private string RedactNames(string text, Func<string, string> placeholder)
    {
        var words = new List<Word>();
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            words.Add(new Word(match.Index, match.Length));
        }

        if (words.Count == 0)
        {
            return text;
        }

        // Whether each word is a particle or a form of address, looked up once: a word's check reads its own and those
        // of up to three words before it, and joining names reads the particles again.
        var particle = new bool[words.Count];
        var address = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = Span(text, words[i]);
            particle[i] = ContainsFolded(Particles, word);
            address[i] = ContainsFolded(FormsOfAddress, word);
        }

        var isName = new bool[words.Count];
        var any = false;
        for (var i = 0; i < words.Count; i++)
        {
            any |= isName[i] = LooksLikeName(text, words, i, particle, address);
        }

        if (!any)
        {
            return text; // nothing below joins or replaces words unless one looks like a name
        }

        // A capitalised unknown word that starts a sentence is a name when a name follows ("Yilmaz Sam" is
        // rare; "Daan Bakker" is caught by the list anyway, this catches "Özil Demir").
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (!isName[i] && isName[i + 1] && IsCapitalised(Span(text, words[i])) && !IsKnown(Span(text, words[i])) && Adjacent(text, words[i], words[i + 1]))
            {
                isName[i] = true;
            }
        }

        var builder = new StringBuilder();
        var position = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!isName[i])
            {
                continue;
            }

            // Join "Jan van der Berg" into one placeholder: particles between name words, surname after particles.
            var last = i;
            var j = i + 1;
            while (j < words.Count && Adjacent(text, words[j - 1], words[j]))
            {
                if (isName[j])
                {
                    last = j;
                    j++;
                    continue;
                }

                if (particle[j])
                {
                    var k = j;
                    while (k < words.Count && particle[k] && Adjacent(text, words[k - 1], words[k]))
                    {
                        k++;
                    }

                    if (k < words.Count && Adjacent(text, words[k - 1], words[k]) && (isName[k] || IsCapitalised(Span(text, words[k]))))
                    {
                        isName[k] = true;
                        last = k;
                        j = k + 1;
                        continue;
                    }
                }

                break;
            }

            var start = words[i].Index;
            var end = words[last].Index + words[last].Length;
            builder.Append(text, position, start - position).Append(placeholder(text[start..end]));
            position = end;
            i = last;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }

    /// <param name="particle">Whether each word is a particle (<c>ContainsFolded(Particles, word)</c>).</param>
    /// <param name="address">Whether each word is a form of address (<c>ContainsFolded(FormsOfAddress, word)</c>).</param>
    private bool LooksLikeName(string text, List<Word> words, int i, bool[] particle, bool[] address)
    {
        var word = Span(text, words[i]);
        if (word.Length < 2 || IsAcronym(word) || particle[i] || address[i])
        {
            return false;
        }

        // A word without a hyphen is its only part, which the first lookup just tried.
        if (ContainsFolded(CommonNames.Value, word) || (word.Contains('-') && AnyPartIsCommonName(word)))
        {
            return true;
        }

        // "OSO-dossier", "e-mail-adres": a compound with a known or abbreviated part is a word, not a name.
        if (word.Contains('-') && AnyPartIsAWord(word))
        {
            return false;
        }

        // "juf Petra", "meneer de Boer" (the particle is joined later), "mevrouw jansen".
        var previous = i - 1;
        while (previous >= 0 && particle[previous] && i - previous < 3)
        {
            previous--;
        }

        if (previous >= 0 && address[previous] && !StopWord(Fold(word.ToString())))
        {
            return true;
        }

        return IsCapitalised(word) && !IsKnown(word) && !StartsSentence(text, words[i].Index);
    }

    // word.Split('-').Any(part => CommonNames.Contains(Fold(part))), empty parts included, without the strings.
    private static bool AnyPartIsCommonName(ReadOnlySpan<char> word)
    {
        foreach (var range in word.Split('-'))
        {
            if (ContainsFolded(CommonNames.Value, word[range]))
            {
                return true;
            }
        }

        return false;
    }

    // word.Split('-').Any(part => part.Length > 0 && (IsAcronym(part) || IsKnown(part))), without the strings.
    private bool AnyPartIsAWord(ReadOnlySpan<char> word)
    {
        foreach (var range in word.Split('-'))
        {
            var part = word[range];
            if (part.Length > 0 && (IsAcronym(part) || IsKnown(part)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsKnown(ReadOnlySpan<char> word)
    {
        if (ContainsFolded(_knownWords, word))
        {
            return true;
        }

        var folded = FoldedAscii(word, stackalloc char[MaxStackWord]);
        if (folded.Length == 0 && word.Length > 0)
        {
            return _knownWords.Contains(Fold(word.ToString()).TrimEnd('s')); // not plain ASCII (or long): fold as a string
        }

        return _knownWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded.TrimEnd('s'));
    }

    private const int MaxStackWord = 64;

    /// <summary><c>set.Contains(Fold(word))</c> for an ordinal set; plain ASCII words are folded on the stack.</summary>
    private static bool ContainsFolded(HashSet<string> set, ReadOnlySpan<char> word)
    {
        var folded = FoldedAscii(word, stackalloc char[MaxStackWord]);
        if (folded.Length == 0 && word.Length > 0)
        {
            return set.Contains(Fold(word.ToString()));
        }

        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded);
    }

    /// <summary>
    /// <see cref="TextNormalizer.Fold"/> of a plain ASCII word (A-Z lowercased, apostrophes dropped) into
    /// <paramref name="buffer"/>; empty when the word is not plain ASCII or too long (the caller folds the string then).
    /// </summary>
    private static ReadOnlySpan<char> FoldedAscii(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length || !Ascii.IsValid(word))
        {
            return [];
        }

        var length = 0;
        foreach (var c in word)
        {
            if (c != '\'')
            {
                buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
        }

        return buffer[..length];
    }

    private static ReadOnlySpan<char> Span(string text, Word word) => text.AsSpan(word.Index, word.Length);

    private bool StopWord(string folded) => _stopWords.Dutch.Contains(folded) || _stopWords.English.Contains(folded);

    private static bool IsCapitalised(ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (var c in word[1..])
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAcronym(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Adjacent(string text, Word left, Word right)
    {
        var between = text.AsSpan(left.Index + left.Length, right.Index - left.Index - left.Length);
        return between.Length > 0 && between.Length <= 2 && between.Trim().IsEmpty;
    }

    private static bool StartsSentence(string text, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            var c = text[k];
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or '“' or '‘' or '-' or '*' or '•')
            {
                if (c == '\n')
                {
                    return true;
                }

                continue;
            }

            return c is '.' or '!' or '?' or ':' or ';';
        }

        return true;
    }

    private static string Fold(string word) => TextNormalizer.Fold(word);

    private static string Normalize(string value) => Regex.Replace(TextNormalizer.Fold(value), @"[\s.\-/()]", "");

    private static string Label(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Name => "NAAM",
        PersonalDataKind.Email => "E-MAIL",
        PersonalDataKind.Phone => "TELEFOON",
        PersonalDataKind.BsnLikeNumber => "BSN",
        PersonalDataKind.StudentNumber => "LEERLINGNUMMER",
        PersonalDataKind.Date => "DATUM",
        _ => "GEGEVEN",
    };

    private static HashSet<string> LoadNames()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PrivacyAssistant.Knowledge.Redaction.names.txt")
            ?? throw new InvalidOperationException("names.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                names.Add(TextNormalizer.Fold(name));
            }
        }

        return names;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[\p{L}0-9._%+'-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPattern();

    // 12-03-2011, 12/3/11, 2011-03-12, 12 maart 2011, 3 March 2011, March 3, 2011.
    [GeneratedRegex(@"\b(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?:e|de|ste|th|st|nd|rd)?\s+(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|mrt|march|mar|apr(?:il)?|mei|may|jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t|tember)?|o[kc]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    // Dutch mobile and landline numbers (06-12345678, 020 123 4567, +31 6 1234 5678, 0031…) and other international ones.
    [GeneratedRegex(@"(?<lead>^|[^\d+])(?<number>(?:\+|00)\d{2}[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){7,10}|0\d(?:[\s-]?\d){8})(?!\d)")]
    private static partial Regex PhonePattern();

    // Nine digits (BSN, also written 1234.56.789 or 123 456 789) and eight (older BSN/sofi numbers).
    [GeneratedRegex(@"(?<![\d.])(?:\d{4}\.\d{2}\.\d{3}|\d{3}[.\s]\d{3}[.\s]\d{3}|\d{8,9})(?![\d.])")]
    private static partial Regex BsnPattern();

    // "leerlingnummer 20231", "llnr: 4512", "student number 778899".
    [GeneratedRegex(@"(?<cue>\b(?:leerling(?:en)?nummers?|leerlingnr|llnr|studentnummers?|studentnr|student\s+(?:number|id)|pupil\s+number|leerling-?id)\.?\s*[:#]?\s*)(?<number>[A-Za-z]{0,2}\d{3,10})\b", RegexOptions.IgnoreCase)]
    private static partial Regex StudentNumberCuePattern();

    // Other numbers that identify a student: five to seven digits, or a letter or two and five to eight digits (s123456).
    [GeneratedRegex(@"(?<![\d.,\[-])\b(?:[A-Za-z]{1,2}\d{5,8}|\d{5,7})\b(?![.,]\d)")]
    private static partial Regex StudentNumberPattern();
}
