using PrivacyAssistant.Knowledge.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Evaluation;

/// <summary>
/// Parts of dev.tsv cut at their comment headers, so that a block of deliberately hard probes gets a floor
/// of its own instead of lowering the guard on the questions before it.
/// </summary>
internal static class DevSection
{
    public const string Session9OffTopicBlock = "# --- session 9, off-topic probes";
    public const string Session9RecallBlock = "# --- session 9, recall probes";
    public const string Session10FormBlock = "# --- session 10, form probes";
    public const string Session10BreachCompoundBlock = "# --- session 10, breach compound probes";
    public const string Session11OffTopicBlock = "# --- session 11, off-topic probes";
    public const string Session11PhrasingBlock = "# --- session 11, phrasing probes";
    public const string Session13FreshBlock = "# --- session 13, fresh probes";
    public const string Session14OffTopicBlock = "# --- session 14, off-topic probes";
    public const string Session14BreachBlock = "# --- session 14, breach probes";
    public const string Session14FalseReportBlock = "# --- session 14, false-report probes";
    public const string Session15TypoBlock = "# --- session 15, typo and false-report probes";
    public const string Session15TypoJudgeBlock = "# --- session 15, independent typo judge";
    public const string Session16AccessBlock = "# --- session 16, access and exposure probes";
    public const string Session16AboutBreachBlock = "# --- session 16, questions about breaches";
    public const string Session16EverydayWordsBlock = "# --- session 16, privacy questions with incidental everyday words";

    // The blocks in file order: each runs from its header to the next one's.
    private static readonly string[] Headers = [Session9OffTopicBlock, Session9RecallBlock, Session10FormBlock, Session10BreachCompoundBlock, Session11OffTopicBlock, Session11PhrasingBlock, Session13FreshBlock, Session14OffTopicBlock, Session14BreachBlock, Session14FalseReportBlock, Session15TypoBlock, Session15TypoJudgeBlock, Session16AccessBlock, Session16AboutBreachBlock, Session16EverydayWordsBlock];

    /// <summary>Every dev question before the session-9 probes.</summary>
    public static IReadOnlyList<EvaluationCase> BeforeSession9 => Between(null, Headers[0]);

    /// <summary>
    /// The block under <paramref name="header"/> (one of the <c>…Block</c> constants): session 9's off-topic,
    /// breach and sound-alike probes with their later sets C and D; session 9's recall probes; session 10's form
    /// probes; session 10's breach reports with the lost thing inside a compound; session 11's off-topic, breach and
    /// sound-alike probes with their later how-to set C; session 11's entry and off-topic questions for
    /// question–phrasing similarity. Since session 12 each of those blocks holds its half B and half A's breach lines only (half A's
    /// entry and none lines are example questions in <c>knowledge/example-questions.tsv</c>). Session 13's fresh probes (five
    /// entry questions per entry, off-topic questions and breach reports, written before any session-13 change) are whole:
    /// both halves, never examples. Session 14's off-topic probes (off-topic staff questions that share words with privacy topics,
    /// then privacy questions on the same subjects, written before any session-14 change) are whole too, and so are
    /// session 14's breach probes (reports, questions about breaches, losses without personal data; written before any
    /// session-14 change), and session 14's false-report probes (everyday messages in the words of the session's new breach
    /// patterns that report nothing; written before any change to those patterns), and session 15's typo and false-report probes
    /// (messages with real words a letter from breach words or breach words in ordinary use, and reports with a typo in the
    /// breach word; written before any session-15 change), and session 15's independent typo judge (ordinary messages with words
    /// near breach words and reports with and without a typo, written after the session-15 rule by a helper who had not read it; no
    /// change was tuned on it), and session 16's access and exposure probes (reports of unauthorised access or exposure, near
    /// misses about who may see what, lost things without personal data; written before any session-16 change), and session 16's
    /// questions about breaches (questions about what a breach is and how it is handled, and questions in breach words that
    /// another entry answers; written before any session-16 change), and session 16's privacy questions with incidental everyday
    /// words (privacy questions set in trips, sports day, the canteen, the musical and the like, and off-topic questions in the
    /// same settings; written before any change).
    /// </summary>
    public static IReadOnlyList<EvaluationCase> Block(string header)
    {
        var index = Array.IndexOf(Headers, header);
        Assert.True(index >= 0, $"'{header}' is not a dev.tsv block");
        return Between(header, index + 1 < Headers.Length ? Headers[index + 1] : null);
    }

    // Cases whose file line lies after the first header's line and before the second's (either end open).
    private static List<EvaluationCase> Between(string? fromHeader, string? toHeader)
    {
        var lines = File.ReadAllLines(Path.Combine(EvaluationSets.Folder, "dev.tsv"));
        var from = fromHeader is null ? 0 : LineOf(lines, fromHeader);
        var to = toHeader is null ? int.MaxValue : LineOf(lines, toHeader);
        return EvaluationSets.Dev.Where(c => c.Line > from && c.Line < to).ToList();
    }

    // 1-based line of the header, as EvaluationCase.Line counts.
    private static int LineOf(string[] lines, string header)
    {
        var index = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(index >= 0, $"dev.tsv has no '{header}' header");
        return index + 1;
    }
}
