using System.Globalization;
using System.Text;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Redaction;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Turns the questions the desk handled into lines of <c>example-questions.tsv</c> for the officer to review and paste
/// (<c>export-examples</c>). Each line is <c>?entry-id&lt;TAB&gt;question</c> (the bot's closest entry as a suggestion) or
/// <c>?&lt;TAB&gt;question</c> (no suggestion): the <see cref="ExampleQuestionReader.Unreviewed"/> label makes the bot and
/// <c>check-knowledge</c> refuse a line the officer has not labelled, so pasting the export unread changes nothing.
/// </summary>
/// <remarks>
/// The question goes through the <see cref="PersonalDataRedactor"/> before it is written and is folded to one line
/// (tabs, line breaks and other control characters become spaces), so a question cannot add a line, a label or a comment.
/// Questions already in the file (the same words, see <see cref="SameQuestion"/>) and repeats within the export are left out.
/// </remarks>
public static class ExampleQuestionExport
{
    /// <summary>Writes the header and one line per question not yet in <paramref name="knowledge"/>'s examples.</summary>
    /// <param name="questions">The handled questions, in the order to write them.</param>
    /// <param name="knowledge">The knowledge base: its entry ids (a suggestion must still be one) and its example questions.</param>
    /// <param name="redactor">The product's redactor (<see cref="PersonalDataRedactor.For"/>).</param>
    /// <param name="since">The <c>--since</c> day, for the header.</param>
    /// <param name="exportedAt">When the export runs, for the header.</param>
    /// <param name="zone">The school's time zone, in which the header's days are written (the officer's days).</param>
    public static ExampleExport Write(IEnumerable<HandledQuestion> questions, KnowledgeBase knowledge, PersonalDataRedactor redactor, DateOnly? since, DateTimeOffset exportedAt, TimeZoneInfo zone)
    {
        var inFile = new HashSet<string>(knowledge.Examples.Select(e => SameQuestion(e.Question)), StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        int handled = 0, alreadyExamples = 0, repeats = 0, suggested = 0;
        foreach (var question in questions)
        {
            handled++;
            // Invisible characters go before redaction: "Da\u200Ban" is the name Daan to a reader, not to the redactor.
            var text = OneLine(redactor.Redact(WithoutInvisible(question.Question)).Text);
            var key = SameQuestion(text);
            if (key.Length == 0)
            {
                continue; // nothing but punctuation: nothing to learn from
            }

            // Compared redacted and as typed: a question without personal data may be in the file word for word.
            if (inFile.Contains(key) || inFile.Contains(SameQuestion(question.Question)))
            {
                alreadyExamples++;
                continue;
            }

            if (!written.Add(key))
            {
                repeats++; // one line per question: the file refuses a question under two labels
                continue;
            }

            var suggestion = question.BestEntryId is { } id && knowledge.Find(id) is not null ? id : "";
            suggested += suggestion.Length > 0 ? 1 : 0;
            lines.Add($"{ExampleQuestionReader.Unreviewed}{suggestion}\t{text}");
        }

        var output = new StringBuilder();
        foreach (var line in Header(since, exportedAt, zone, lines.Count, suggested, alreadyExamples, repeats))
        {
            output.Append(line.Length > 0 ? "# " + line : "#").Append('\n');
        }

        foreach (var line in lines)
        {
            output.Append(line).Append('\n');
        }

        return new ExampleExport(output.ToString(), handled, lines.Count, suggested, alreadyExamples, repeats);
    }

    /// <summary>
    /// What counts as the same question: its words, folded (case, accents, apostrophes) and without punctuation, so
    /// "Wat zijn persoonsgegevens?" is "wat zijn persoonsgegevens" already in the file.
    /// </summary>
    public static string SameQuestion(string question) => string.Join(' ', TextNormalizer.Words(OneLine(question)));

    /// <summary>
    /// The text on one line: every control character (tab, line break), line or paragraph separator, byte-order mark and
    /// replacement character becomes a space, runs of spaces one space, trimmed; invisible format characters (bidirectional
    /// overrides, zero-width spaces, soft hyphens) are dropped. The file's reader splits lines at
    /// <c>\n</c> and the label at the first tab, and refuses U+FFFD as "not UTF-8": none of them may come from a question.
    /// </summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue; // a right-to-left override or zero-width space would show the officer another line than the bot reads
            }

            var blank = char.IsWhiteSpace(c) || char.IsControl(c) || c is '\uFEFF' or '\uFFFD'
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (blank)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Format characters (bidirectional overrides, zero-width spaces, soft hyphens) but the byte-order mark, which <see cref="OneLine"/> makes a space.</summary>
    private static bool IsInvisible(char c) => c != '\uFEFF' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string WithoutInvisible(string text) =>
        text.Any(IsInvisible) ? string.Concat(text.Where(c => !IsInvisible(c))) : text;

    private static IEnumerable<string> Header(DateOnly? since, DateTimeOffset exportedAt, TimeZoneInfo zone, int written, int suggested, int alreadyExamples, int repeats)
    {
        var day = TimeZoneInfo.ConvertTime(exportedAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var from = since is { } start ? $" since {start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
        yield return $"Questions the privacy desk answered or closed{from}, exported {day} ({zone.Id}) by export-examples for example-questions.tsv.";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{written} questions below ({suggested} with the bot's closest entry as a suggestion, {written - suggested} without); {alreadyExamples} already in example-questions.tsv and {repeats} repeats were left out.");
        yield return "";
        yield return "READ EVERY LINE BEFORE YOU PASTE IT. Names, e-mail addresses, phone, BSN-like and student numbers and dates were";
        yield return "replaced by placeholders ([NAAM-1], [E-MAIL-1], ...), but the redactor misses some (a name typed in lowercase, \"the";
        yield return "only girl in 3B\"): rewrite or remove anything that identifies a person (\"[NAAM-1]\" may become \"een leerling\").";
        yield return "";
        yield return "Every line's label starts with '?': not reviewed. The bot and check-knowledge refuse such a line, so nothing below";
        yield return "counts until you label it. '?entry-id' is the entry the bot found closest when the question was asked, '?' alone";
        yield return "means it found none. For each line write the entry you answered the question with, or 'none' for a question outside";
        yield return "privacy, without the '?'. A question you answered with something no entry covers is a new topic: write that entry";
        yield return "(entries/*.md) first and label the line with it rather than with the nearest entry. Delete the lines you do not want.";
        yield return "Then run check-knowledge and check-examples.";
    }
}
