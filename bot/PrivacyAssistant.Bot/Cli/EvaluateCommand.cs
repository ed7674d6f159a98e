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
/// <c>evaluate &lt;file.tsv&gt; [--json | --counts]</c>: runs expected-id/question lines and prints top-1
/// accuracy, confusions and "N passed, M failed"; <c>--counts</c> prints counts per failure class
/// only (no question, no entry id), for the held-out sets.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A TSV file of 'expected-id<TAB>question' lines (expected may be none or breach)." };
        var json = new Option<bool>("--json") { Description = "Also print one JSON object per question (expected, question, decision, entryId, score); hybrid lines add mode, retrieval, generated, fallback." };
        var counts = new Option<bool>("--counts") { Description = "Print only counts: accuracy and failures per class, never a question or an entry id (for the held-out sets)." };
        var lexicalOnly = new Option<bool>("--lexical-only") { Description = "With Azure OpenAI configured: skip the second, hybrid run." };
        var command = new Command("evaluate", "Runs a file of questions and prints top-1 accuracy and the confusions (with Azure OpenAI configured: lexical and hybrid).") { file, json, counts, lexicalOnly };
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, error) =>
        {
            var countsOnly = parse.GetValue(counts);
            if (countsOnly && parse.GetValue(json))
            {
                error.WriteLine("--counts and --json exclude each other: --counts prints no question.");
                return 2;
            }

            var hybrid = !parse.GetValue(lexicalOnly) && AzureOpenAICli.IsConfigured();
            var path = parse.GetValue(file)!;
            IReadOnlyList<EvaluationCase> cases;
            try
            {
                cases = EvaluationFile.Read(path.FullName);
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                error.WriteLine($"Cannot read {path.FullName}: {ex.Message}");
                return 2;
            }

            if (hybrid)
            {
                output.WriteLine("== lexical (knowledge base only) ==");
            }

            var report = KnowledgeEvaluator.Run(engine.Answerer, cases);
            if (parse.GetValue(json))
            {
                foreach (var outcome in report.Outcomes)
                {
                    output.WriteLine(JsonSerializer.Serialize(
                        new
                        {
                            expected = outcome.Case.Expected,
                            question = outcome.Case.Question,
                            decision = outcome.Decision.ToWire(),
                            entryId = outcome.EntryId,
                            score = Math.Round(outcome.Score, 4),
                        },
                        KnowledgeCli.JsonLine));
                }
            }

            KnowledgeCli.WriteReport(output, report, countsOnly);

            return hybrid
                ? AzureOpenAICli.EvaluateAsync(cases, report, parse.GetValue(json), countsOnly, output, error).GetAwaiter().GetResult()
                : 0;
        }));
        return command;
    }
}
