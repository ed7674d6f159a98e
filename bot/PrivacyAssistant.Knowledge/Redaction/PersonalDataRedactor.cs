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
        var counters = new Dictionary<PersonalDataKind, int>();
        var byValue = new Dictionary<(PersonalDataKind, string), string>();

        string Placeholder(PersonalDataKind kind, string original)
        {
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
        text = EmailPattern().Replace(text, m => Placeholder(PersonalDataKind.Email, m.Value));
        text = DatePattern().Replace(text, m => Placeholder(PersonalDataKind.Date, m.Value));
        text = PhonePattern().Replace(text, m => m.Groups["lead"].Value + Placeholder(PersonalDataKind.Phone, m.Groups["number"].Value));
        text = StudentNumberCuePattern().Replace(text, m => m.Groups["cue"].Value + Placeholder(PersonalDataKind.StudentNumber, m.Groups["number"].Value));
        text = BsnPattern().Replace(text, m => Placeholder(PersonalDataKind.BsnLikeNumber, m.Value));
        text = StudentNumberPattern().Replace(text, m => Placeholder(PersonalDataKind.StudentNumber, m.Value));
        text = RedactNames(text, original => Placeholder(PersonalDataKind.Name, original));
        return new RedactedText(text, redactions);
    }

    private string RedactNames(string text, Func<string, string> placeholder)
    {
        var words = WordPattern().Matches(text).ToList();
        if (words.Count == 0)
        {
            return text;
        }

        var isName = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            isName[i] = LooksLikeName(text, words, i);
        }

        // A capitalised unknown word that starts a sentence is a name when a name follows ("Yilmaz Sam" is
        // rare; "Daan Bakker" is caught by the list anyway, this catches "Özil Demir").
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (!isName[i] && isName[i + 1] && IsCapitalised(words[i].Value) && !IsKnown(words[i].Value) && Adjacent(text, words[i], words[i + 1]))
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

                if (Particles.Contains(Fold(words[j].Value)))
                {
                    var k = j;
                    while (k < words.Count && Particles.Contains(Fold(words[k].Value)) && Adjacent(text, words[k - 1], words[k]))
                    {
                        k++;
                    }

                    if (k < words.Count && Adjacent(text, words[k - 1], words[k]) && (isName[k] || IsCapitalised(words[k].Value)))
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

    private bool LooksLikeName(string text, List<Match> words, int i)
    {
        var word = words[i].Value;
        var folded = Fold(word);
        if (word.Length < 2 || IsAcronym(word) || Particles.Contains(folded) || FormsOfAddress.Contains(folded))
        {
            return false;
        }

        if (CommonNames.Value.Contains(folded) || word.Split('-').Any(part => CommonNames.Value.Contains(Fold(part))))
        {
            return true;
        }

        // "OSO-dossier", "e-mail-adres": a compound with a known or abbreviated part is a word, not a name.
        if (word.Contains('-') && word.Split('-').Any(part => part.Length > 0 && (IsAcronym(part) || IsKnown(part))))
        {
            return false;
        }

        // "juf Petra", "meneer de Boer" (the particle is joined later), "mevrouw jansen".
        var previous = i - 1;
        while (previous >= 0 && Particles.Contains(Fold(words[previous].Value)) && i - previous < 3)
        {
            previous--;
        }

        if (previous >= 0 && FormsOfAddress.Contains(Fold(words[previous].Value)) && !StopWord(folded))
        {
            return true;
        }

        return IsCapitalised(word) && !IsKnown(word) && !StartsSentence(text, words[i].Index);
    }

    private bool IsKnown(string word) => _knownWords.Contains(Fold(word)) || _knownWords.Contains(Fold(word).TrimEnd('s'));

    private bool StopWord(string folded) => _stopWords.Dutch.Contains(folded) || _stopWords.English.Contains(folded);

    private static bool IsCapitalised(string word) => char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower);

    private static bool IsAcronym(string word) => word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool Adjacent(string text, Match left, Match right)
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
