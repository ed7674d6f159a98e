using PrivacyAssistant.Knowledge.Evaluation;

namespace PrivacyAssistant.Knowledge.Tests.Evaluation;

/// <summary>
/// Parts of dev.tsv cut at their comment headers, so that a block of deliberately hard probes gets a floor
/// of its own instead of lowering the guard on the questions before it.
/// </summary>
internal static class DevSection
{
    private const string OffTopicHeader = "# --- session 9, off-topic probes";
    private const string RecallHeader = "# --- session 9, recall probes";
    private const string FormHeader = "# --- session 10, form probes";
    private const string CompoundHeader = "# --- session 10, breach compound probes";

    /// <summary>Every dev question before the session-9 probes.</summary>
    public static IReadOnlyList<EvaluationCase> BeforeSession9 => Between(null, OffTopicHeader);

    /// <summary>Session 9's off-topic, breach and sound-alike probes with their later sets C and D.</summary>
    public static IReadOnlyList<EvaluationCase> Session9OffTopic => Between(OffTopicHeader, RecallHeader);

    /// <summary>Session 9's recall probes: entry questions written fresh before any change.</summary>
    public static IReadOnlyList<EvaluationCase> Session9Recall => Between(RecallHeader, FormHeader);

    /// <summary>Session 10's form probes: off-topic near-misses and privacy questions of every shape, written before any change.</summary>
    public static IReadOnlyList<EvaluationCase> Session10Form => Between(FormHeader, CompoundHeader);

    /// <summary>Session 10's breach reports with the lost thing inside a compound, and such compounds without a loss.</summary>
    public static IReadOnlyList<EvaluationCase> Session10BreachCompounds => Between(CompoundHeader, null);

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
