using System.CommandLine;
using System.Globalization;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// <c>check-examples</c>: for the privacy officer, every example question voted on by the other labelled texts
/// (leave-one-out, <see cref="ExampleConsistency"/>); lists the examples they confidently label otherwise and
/// near-identical texts with different labels. Advice, so exit code 0 (1 only when the folder does not load).
/// </summary>
public static class CheckExamplesCommand
{
    public static Command Create()
    {
        var minSupport = new Option<double>("--min-support")
        {
            Description = "List a disagreement from this support (0 to 1) on.",
            DefaultValueFactory = _ => ExampleConsistency.DefaultMinSupport,
        };
        var duplicate = new Option<double>("--duplicate-similarity")
        {
            Description = "Two texts from this similarity (0 to 1) on count as near-duplicates.",
            DefaultValueFactory = _ => ExampleConsistency.DefaultDuplicateSimilarity,
        };
        var command = new Command(
            "check-examples",
            "Checks example-questions.tsv against itself: each example is voted on by the other examples, titles and alternates (itself left out); "
            + "lists examples voted for another label and near-identical texts with different labels. Advice only: exits 0 (1 only when the knowledge folder does not load).")
        {
            minSupport,
            duplicate,
        };
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, _) =>
        {
            var report = ExampleConsistency.Check(engine.Knowledge, engine.Examples, parse.GetValue(minSupport), parse.GetValue(duplicate));
            Write(output, report);
            return 0;
        }));
        return command;
    }

    /// <summary>The report as a readable table and a summary line.</summary>
    public static void Write(TextWriter output, ExampleConsistencyReport report)
    {
        static string Label(string? entryId) => entryId ?? "none";
        static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

        output.WriteLine($"Disagreements (the other texts vote for another label with support >= {Number(report.MinSupport)}), strongest first:");
        output.WriteLine("line  support  own label -> voted label  question");
        foreach (var d in report.Disagreements)
        {
            output.WriteLine($"{d.Line,4}  {Number(d.Support),7}  {Label(d.Label)} -> {Label(d.Voted)}  {d.Question}");
        }

        output.WriteLine();
        output.WriteLine($"Conflicting near-duplicates (similarity >= {Number(report.DuplicateSimilarity)}, different labels):");
        output.WriteLine("line  similarity  label  <>  other");
        foreach (var c in report.Conflicts)
        {
            var other = c.OtherLine is { } line ? $"line {line} {Label(c.OtherLabel)}  {c.OtherQuestion}" : $"a title or alternate of {Label(c.OtherLabel)}";
            output.WriteLine($"{c.Line,4}  {Number(c.Similarity),10}  {Label(c.Label)}  {c.Question}  <>  {other}");
        }

        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Examples} examples, {report.Agreeing} agree with their neighbours, {report.Disagreements.Count} disagreements with support >= {Number(report.MinSupport)} ({report.WeakDisagreements} weaker), {report.Conflicts.Count} conflicting near-duplicates."));
    }
}
