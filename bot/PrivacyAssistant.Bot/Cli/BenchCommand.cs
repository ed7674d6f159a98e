using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// <c>bench &lt;file.tsv&gt; [--rounds N]</c>: answer latency p50/p90/p99 over a file of questions, and the
/// bytes allocated and gen-0 collections per answer (garbage is what makes the collector pause every
/// turn in flight under load), a benchmark, not a test.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A TSV evaluation file whose questions are timed." };
        var rounds = new Option<int>("--rounds") { Description = "How often to run the whole file (after one warm-up round).", DefaultValueFactory = _ => 20 };
        var byDecision = new Option<bool>("--by-decision")
        {
            Description = "Also the time per answer by decision and whether the example questions were asked, and the slowest questions by line index (never their text: the file may be a held-out set).",
        };
        var command = new Command("bench", "Measures answer latency (p50/p99 per question) over a file of questions.") { file, rounds, byDecision };
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, error) =>
        {
            var cases = EvaluationFile.Read(parse.GetValue(file)!.FullName);
            var samples = new List<double>();
            // Per question: its kind (decision, examples asked or not) and its timings over the rounds, for --by-decision.
            var kinds = new string[cases.Count];
            var perQuestion = cases.Select(_ => new List<double>()).ToArray();
            var roundCount = Math.Max(1, parse.GetValue(rounds));
            long allocatedBefore = 0;
            var collectionsBefore = 0;
            for (var round = -1; round < roundCount; round++)
            {
                if (round == 0)
                {
                    allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    collectionsBefore = GC.CollectionCount(0);
                }

                for (var i = 0; i < cases.Count; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var answer = engine.Answerer.Ask(cases[i].Question);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (round >= 0)
                    {
                        samples.Add(elapsed);
                        perQuestion[i].Add(elapsed);
                    }
                    else
                    {
                        kinds[i] = answer.Decision.ToWire() + (answer.Examples is null ? "" : " + examples");
                    }
                }
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            samples.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count} questions × {roundCount} rounds = {samples.Count} answers"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 {KnowledgeCli.Percentile(samples, 0.50):0.000} ms, p90 {KnowledgeCli.Percentile(samples, 0.90):0.000} ms, p99 {KnowledgeCli.Percentile(samples, 0.99):0.000} ms, max {samples[^1]:0.000} ms, mean {samples.Average():0.000} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {allocated / 1024.0 / samples.Count:0.0} KB per answer, {collections} gen-0 collections in {samples.Count} answers"));
            if (parse.GetValue(byDecision))
            {
                WriteByDecision(output, kinds, perQuestion);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Time per answer by kind (decision, and "+ examples" when the example questions were asked), and the ten slowest
    /// questions by their median, by line index among the file's questions and kind only.
    /// </summary>
    private static void WriteByDecision(TextWriter output, string[] kinds, List<double>[] perQuestion)
    {
        output.WriteLine("| kind | questions | share | mean µs | p50 µs | p99 µs |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in Enumerable.Range(0, kinds.Length).GroupBy(i => kinds[i]).OrderByDescending(g => g.Count()))
        {
            var times = group.SelectMany(i => perQuestion[i]).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {group.Count()} | {(double)group.Count() / kinds.Length:0.0%} | {times.Average() * 1000:0} | {KnowledgeCli.Percentile(times, 0.5) * 1000:0} | {KnowledgeCli.Percentile(times, 0.99) * 1000:0} |"));
        }

        var slowest = Enumerable.Range(0, kinds.Length)
            .Select(i => (Index: i, Median: KnowledgeCli.Percentile(perQuestion[i].Order().ToList(), 0.5)))
            .OrderByDescending(q => q.Median)
            .Take(10)
            .Select(q => string.Create(CultureInfo.InvariantCulture, $"#{q.Index} {kinds[q.Index]} {q.Median * 1000:0} µs"));
        output.WriteLine("slowest questions (median): " + string.Join(", ", slowest));
    }
}
