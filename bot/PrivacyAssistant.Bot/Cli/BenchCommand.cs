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
        var command = new Command("bench", "Measures answer latency (p50/p99 per question) over a file of questions.") { file, rounds };
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, error) =>
        {
            var cases = EvaluationFile.Read(parse.GetValue(file)!.FullName);
            var samples = new List<double>();
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

                foreach (var evaluationCase in cases)
                {
                    var started = Stopwatch.GetTimestamp();
                    engine.Answerer.Ask(evaluationCase.Question);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (round >= 0)
                    {
                        samples.Add(elapsed);
                    }
                }
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            samples.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count} questions × {roundCount} rounds = {samples.Count} answers"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 {KnowledgeCli.Percentile(samples, 0.50):0.000} ms, p90 {KnowledgeCli.Percentile(samples, 0.90):0.000} ms, p99 {KnowledgeCli.Percentile(samples, 0.99):0.000} ms, max {samples[^1]:0.000} ms, mean {samples.Average():0.000} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {allocated / 1024.0 / samples.Count:0.0} KB per answer, {collections} gen-0 collections in {samples.Count} answers"));
            return 0;
        }));
        return command;
    }
}
