using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>What the knowledge commands share: the engine from the bot's configuration and the printing.</summary>
public static class KnowledgeCli
{
    public static readonly JsonSerializerOptions JsonLine = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Builds the knowledge engine from the bot's configuration and runs <paramref name="action"/>; a broken folder or configuration is printed with exit code 1.</summary>
    public static int WithKnowledge(ParseResult parse, Func<KnowledgeEngine, TextWriter, TextWriter, int> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var host = AdminHost.Build(builder => builder.Services.AddKnowledge());
        if (LoadEngine(host.Services, error) is not { } engine)
        {
            return 1;
        }

        return action(engine, output, error);
    }

    /// <summary>The knowledge engine of <paramref name="services"/>; null when the folder or the configuration is broken, printed on <paramref name="error"/>.</summary>
    public static KnowledgeEngine? LoadEngine(IServiceProvider services, TextWriter error)
    {
        try
        {
            return services.GetRequiredService<KnowledgeEngine>();
        }
        catch (KnowledgeLoadException ex)
        {
            error.WriteLine(ex.Message);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                error.WriteLine(failure);
            }
        }

        return null;
    }

    public static void WriteAnswer(TextWriter output, KnowledgeEngine engine, KnowledgeAnswer answer)
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

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"confidence: {answer.Confidence:0.000} (answer at >= {policy.AnswerThreshold:0.00}, none below {policy.NoneThreshold:0.00}, clarify when the runner-up reaches {policy.ClarifyRatio:P0} of the best)"));
        if (answer.HowTo is { } howTo)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"how-to:     {KnowledgeLoader.HowToPhrasesFile} line {howTo.Line} '{howTo.Text}', no question-form word, no people named: a question about a tool gets no \"Bedoel je…?\" below {policy.HowToThreshold:0.00}"));
        }

        if (answer.OutOfScope is { } outside)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"out of scope: {KnowledgeLoader.OutOfScopeFile} line {outside.Topic.Line} explains {outside.Coverage:0.000} of the question ({outside.Unexplained:0.000} matched by the best entry and not by the topic): {outside.Topic.Text}"));
        }
        else if (answer.Retrieval is { } searched && engine.OutOfScope.Match(searched, bothLanguages: true) is { } nearest)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"out of scope: not taken; nearest topic {KnowledgeLoader.OutOfScopeFile} line {nearest.Topic.Line} explains {nearest.Coverage:0.000} ({nearest.Unexplained:0.000} matched by the best entry and not by the topic)"));
        }

        if (answer.Examples is { } examples)
        {
            // Labels, similarities and line numbers only: an example's text could be mistaken for the user's question in a log.
            var rules = engine.ExamplePolicy;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"examples:   {(examples.EntryId ?? (examples.Support > 0 ? "none" : "-"))} support {examples.Support:0.000} (card -> answer when it agrees {Rule(rules.AnswerSupport)}, card -> none {Rule(rules.NoneSupport)}, re-ordered {Rule(rules.CardSupport)}, none -> card {Rule(rules.RescueSupport)} unless the nearest text is none {Rule(rules.NearestNoneVeto)})"));
            output.WriteLine("nearest:    " + string.Join("  ", (examples.Neighbours ?? []).Select(n => string.Create(CultureInfo.InvariantCulture,
                $"{n.EntryId ?? "none"} {n.Similarity:0.000} ({(n.Example is { } example ? $"{KnowledgeLoader.ExampleQuestionsFile} line {example.Line}" : "title or alternate")})"))));
        }
        else if (answer.Decision is AnswerDecision.Answer or AnswerDecision.Breach)
        {
            output.WriteLine("examples:   not asked (a confident answer or a breach report is never changed by them)");
        }

        if (answer.Retrieval is not { } retrieval)
        {
            return;
        }

        output.WriteLine($"searched:   {(retrieval.Language == KnowledgeLanguage.English ? "English" : "Dutch")} fields; reply in {(answer.Language == KnowledgeLanguage.English ? "English" : "Dutch")}");
        output.WriteLine("terms:      " + string.Join("  ", retrieval.Terms.Select(Describe)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"self score: {retrieval.Terms.Sum(t => t.Weight):0.00} (sum of term weights; confidence = score / self score)"));
        output.WriteLine("candidates:");
        var rank = 0;
        foreach (var candidate in retrieval.Candidates)
        {
            rank++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rank}. {candidate.EntryId,-36} score {candidate.Score,7:0.000}  confidence {candidate.Confidence:0.000}")
                + (candidate.Topical ? "" : "  (only school/everyday words matched: no confidence)"));
            foreach (var part in candidate.Breakdown.Where(b => b.Score > 0))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"       {part.Term,-24} {part.Score,7:0.000} of {part.Weight:0.000}"));
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

        return text + (term.Known ? "" : "(unknown)") + (term.Everyday ? "(everyday: no confidence)" : "") + (term.School ? "(school word)" : "") + string.Create(CultureInfo.InvariantCulture, $"={term.Weight:0.0}");
    }

    /// <summary>
    /// The report as counts only (accuracy, decisions, failures per class): no question, no entry id,
    /// so a held-out set can be measured without reading it (docs/knowledge-retrieval.md).
    /// </summary>
    public static void WriteCounts(TextWriter output, EvaluationReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-1 accuracy: {report.Accuracy:P1} ({report.Passed}/{report.Outcomes.Count})"));
        output.WriteLine($"clarify (\"Bedoel je…?\"): {report.Clarified}; off-topic questions answered with confidence: {report.ConfidentOffTopic}");
        output.WriteLine("failures by class:");
        foreach (var (failure, count) in report.FailureClasses)
        {
            output.WriteLine($"  {Describe(failure)}: {count}");
        }

        output.WriteLine($"{report.Passed} passed, {report.Failed} failed");
    }

    private static string Describe(FailureClass failure) => failure switch
    {
        FailureClass.WrongAnswer => "entry question answered with another entry",
        FailureClass.ClarifyExpectedSecond => "entry question, \"Bedoel je…?\" led by another entry, expected entry second",
        FailureClass.ClarifyWithoutExpected => "entry question, \"Bedoel je…?\" without the expected entry",
        FailureClass.EntryNone => "entry question answered none",
        FailureClass.EntryTakenForReport => "entry question taken for a breach report",
        FailureClass.OffTopicClarified => "off-topic question, \"Bedoel je…?\"",
        FailureClass.OffTopicAnswered => "off-topic question answered",
        FailureClass.OffTopicTakenForReport => "off-topic question taken for a breach report",
        FailureClass.ReportMissed => "breach report not recognised",
        _ => failure.ToString(),
    };

    /// <summary>The report with its confusions, or counts only (<see cref="WriteCounts"/>) for <c>--counts</c>.</summary>
    public static void WriteReport(TextWriter output, EvaluationReport report, bool countsOnly)
    {
        if (countsOnly)
        {
            WriteCounts(output, report);
        }
        else
        {
            WriteReport(output, report);
        }
    }

    public static void WriteReport(TextWriter output, EvaluationReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"top-1 accuracy: {report.Accuracy:P1} ({report.Passed}/{report.Outcomes.Count})"));
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
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {outcome.Case.Line}: expected {outcome.Case.Expected}, got {outcome.Got} ({outcome.Score:0.000}): {outcome.Case.Question}"));
            }
        }

        output.WriteLine($"{report.Passed} passed, {report.Failed} failed");
    }

    // A threshold of 0 switches its rule off (ExamplePolicy).
    private static string Rule(double threshold) =>
        threshold > 0 ? string.Create(CultureInfo.InvariantCulture, $"at >= {threshold:0.00}") : "off";
}
