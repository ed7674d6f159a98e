using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Bot.Admin;

/// <summary>
/// The knowledge admin subcommands: <c>ask</c>, <c>evaluate</c>, <c>check-knowledge</c> and
/// <c>bench</c>. They use the same configuration and services as the bot, so what they report is
/// what the bot does.
/// </summary>
public static class KnowledgeCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions JsonLine = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="services">Builds the bot's services; called only by commands that need them.</param>
    /// <param name="output">Where results go (standard output in the host).</param>
    /// <param name="error">Where problems go (standard error in the host).</param>
    public static IReadOnlyList<Command> Create(Func<IServiceProvider> services, TextWriter output, TextWriter error) =>
        [Ask(services, output, error), Evaluate(services, output, error), CheckKnowledge(services, output, error), Bench(services, output, error)];

    private static Command Ask(Func<IServiceProvider> services, TextWriter output, TextWriter error)
    {
        var question = new Argument<string>("question") { Description = "The question, as a staff member would type it." };
        var english = new Option<bool>("--english") { Description = "Answer as for a user whose Teams locale is English." };
        var command = new Command("ask", "Shows what the bot does with a question: decision, entry and score breakdown.") { question, english };
        command.SetAction(parse => WithKnowledge(services, error, engine =>
        {
            var answer = engine.Answerer.Ask(parse.GetValue(question) ?? "", parse.GetValue(english) ? KnowledgeLanguage.English : null, explain: true);
            WriteAnswer(output, engine, answer);
            return 0;
        }));
        return command;
    }

    private static Command Evaluate(Func<IServiceProvider> services, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A TSV file of 'expected-id<TAB>question' lines (expected may be none or breach)." };
        var json = new Option<bool>("--json") { Description = "Also print one JSON object per question (expected, question, decision, entryId, score)." };
        var command = new Command("evaluate", "Runs a file of questions and prints top-1 accuracy and the confusions.") { file, json };
        command.SetAction(parse => WithKnowledge(services, error, engine =>
        {
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
                        JsonLine));
                }
            }

            WriteReport(output, report);
            return 0;
        }));
        return command;
    }

    private static Command CheckKnowledge(Func<IServiceProvider> services, TextWriter output, TextWriter error)
    {
        var command = new Command("check-knowledge", "Validates the knowledge folder (entries, synonyms, breach patterns); exits non-zero on problems.");
        command.SetAction(_ => WithKnowledge(services, error, engine =>
        {
            output.WriteLine($"Knowledge folder {engine.Knowledge.Folder} is valid: {engine.Knowledge.Entries.Count} entries, {engine.BreachIntents.Patterns.Count} breach-intent patterns.");
            var stale = engine.Knowledge.Entries.Where(e => e.Reviewed is null).Select(e => e.Id).ToList();
            if (stale.Count > 0)
            {
                output.WriteLine($"Note: no 'reviewed' date in: {string.Join(", ", stale)}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Bench(Func<IServiceProvider> services, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A TSV evaluation file whose questions are timed." };
        var rounds = new Option<int>("--rounds") { Description = "How often to run the whole file (after one warm-up round).", DefaultValueFactory = _ => 20 };
        var command = new Command("bench", "Measures answer latency (p50/p99 per question) over a file of questions.") { file, rounds };
        command.SetAction(parse => WithKnowledge(services, error, engine =>
        {
            var cases = EvaluationFile.Read(parse.GetValue(file)!.FullName);
            var samples = new List<double>();
            var roundCount = Math.Max(1, parse.GetValue(rounds));
            for (var round = -1; round < roundCount; round++)
            {
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

            samples.Sort();
            output.WriteLine(string.Create(Invariant, $"{cases.Count} questions × {roundCount} rounds = {samples.Count} answers"));
            output.WriteLine(string.Create(Invariant, $"p50 {Percentile(samples, 0.50):0.000} ms, p90 {Percentile(samples, 0.90):0.000} ms, p99 {Percentile(samples, 0.99):0.000} ms, max {samples[^1]:0.000} ms, mean {samples.Average():0.000} ms"));
            return 0;
        }));
        return command;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int WithKnowledge(Func<IServiceProvider> services, TextWriter error, Func<KnowledgeEngine, int> action)
    {
        KnowledgeEngine engine;
        try
        {
            engine = (KnowledgeEngine)services().GetService(typeof(KnowledgeEngine))!;
        }
        catch (KnowledgeLoadException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"Configuration error: {ex.Message}");
            return 1;
        }

        return action(engine);
    }

    private static void WriteAnswer(TextWriter output, KnowledgeEngine engine, KnowledgeAnswer answer)
    {
        var policy = engine.Policy;
        output.WriteLine($"decision:   {answer.Decision.ToWire()}");
        output.WriteLine($"entry:      {(answer.Entry is null ? "-" : $"{answer.Entry.Id} ({answer.Entry.In(answer.Language).Title})")}");
        if (answer.Options.Count > 1)
        {
            output.WriteLine($"options:    {string.Join(", ", answer.Options.Select(o => o.Id))}");
        }

        if (answer.Breach is not null)
        {
            output.WriteLine($"breach:     breach-intents.txt line {answer.Breach.Line}: {answer.Breach.Pattern}");
        }

        output.WriteLine(string.Create(Invariant, $"confidence: {answer.Confidence:0.000} (answer at >= {policy.AnswerThreshold:0.00}, none below {policy.NoneThreshold:0.00}, clarify when the runner-up reaches {policy.ClarifyRatio:P0} of the best)"));
        if (answer.Retrieval is not { } retrieval)
        {
            return;
        }

        output.WriteLine($"searched:   {(retrieval.Language == KnowledgeLanguage.English ? "English" : "Dutch")} fields; reply in {(answer.Language == KnowledgeLanguage.English ? "English" : "Dutch")}");
        output.WriteLine("terms:      " + string.Join("  ", retrieval.Terms.Select(Describe)));
        output.WriteLine(string.Create(Invariant, $"self score: {retrieval.Terms.Sum(t => t.Weight):0.00} (sum of term weights; confidence = score / self score)"));
        output.WriteLine("candidates:");
        var rank = 0;
        foreach (var candidate in retrieval.Candidates)
        {
            rank++;
            output.WriteLine(string.Create(Invariant, $"  {rank}. {candidate.EntryId,-36} score {candidate.Score,7:0.000}  confidence {candidate.Confidence:0.000}"));
            foreach (var part in candidate.Breakdown.Where(b => b.Score > 0))
            {
                output.WriteLine(string.Create(Invariant, $"       {part.Term,-24} {part.Score,7:0.000} of {part.Weight:0.000}"));
            }
        }
    }

    private static string Describe(QueryTerm term)
    {
        var text = term.Term;
        if (term.Expansions.Count > 0)
        {
            text += $"[{(term.Corrected ? "~" : "+")}{string.Join(",", term.Expansions)}]";
        }

        return text + (term.Known ? "" : "(unknown)") + string.Create(Invariant, $"={term.Weight:0.0}");
    }

    private static void WriteReport(TextWriter output, EvaluationReport report)
    {
        output.WriteLine(string.Create(Invariant, $"top-1 accuracy: {report.Accuracy:P1} ({report.Passed}/{report.Outcomes.Count})"));
        output.WriteLine($"clarify (\"Bedoel je…?\"): {report.Clarified}; off-topic questions answered with confidence: {report.ConfidentOffTopic}");
        if (report.Confusions.Count > 0)
        {
            output.WriteLine("confusions (expected -> got):");
            foreach (var (expected, got, count) in report.Confusions)
            {
                output.WriteLine($"  {expected} -> {got}: {count}");
            }

            output.WriteLine("failures:");
            foreach (var outcome in report.Outcomes.Where(o => !o.Passed))
            {
                output.WriteLine(string.Create(Invariant, $"  line {outcome.Case.Line}: expected {outcome.Case.Expected}, got {outcome.Got} ({outcome.Score:0.000}): {outcome.Case.Question}"));
            }
        }

        output.WriteLine($"{report.Passed} passed, {report.Failed} failed");
    }
}
