using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.AzureOpenAI;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// The Azure OpenAI side of the knowledge commands: <c>evaluate</c> runs the questions a second time
/// through the hybrid assistant (rate limits off, everything else as the bot does it) and prints both
/// accuracies; <c>ask</c> shows what the assistant adds.
/// </summary>
public static class AzureOpenAICli
{
    /// <summary>Builds the assistant from the bot's configuration; null when the AzureOpenAI section is off or invalid (printed).</summary>
    private static (IHost Host, IKnowledgeAssistant Assistant, AzureOpenAIOptions Options)? Start(TextWriter error)
    {
        var host = AdminHost.Build(builder =>
        {
            // Evaluation runs hundreds of questions in a row; the per-user and school limits are for chat traffic.
            builder.Configuration[$"{AzureOpenAIOptions.SectionName}:RateLimits:Enabled"] = "false";
            // The per-call log lines would interleave with the report; problems still show as warnings.
            builder.Logging.AddFilter("PrivacyAssistant", LogLevel.Warning);
            builder.Services.AddKnowledge();
            builder.Services.AddKnowledgeAssistant();
        });
        try
        {
            var options = host.Services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            var problems = AzureOpenAIOptionsValidation.Problems(options).ToList();
            if (problems.Count > 0)
            {
                problems.ForEach(error.WriteLine);
                host.Dispose();
                return null;
            }

            if (!options.IsConfigured)
            {
                host.Dispose();
                return null;
            }

            return (host, host.Services.GetRequiredService<IKnowledgeAssistant>(), options);
        }
        catch (OptionsValidationException ex)
        {
            ex.Failures.ToList().ForEach(error.WriteLine);
            host.Dispose();
            return null;
        }
    }

    public static bool IsConfigured()
    {
        using var host = AdminHost.Build(_ => { });
        return !string.IsNullOrWhiteSpace(host.Services.GetRequiredService<IConfiguration>()[$"{AzureOpenAIOptions.SectionName}:Endpoint"]);
    }

    /// <summary>Runs <paramref name="cases"/> through the hybrid assistant and prints its report next to the lexical one. Returns the exit code.</summary>
    public static async Task<int> EvaluateAsync(IReadOnlyList<EvaluationCase> cases, EvaluationReport lexical, bool json, bool countsOnly, TextWriter output, TextWriter error)
    {
        if (Start(error) is not var (host, assistant, options))
        {
            return 1;
        }

        using (host)
        {
            output.WriteLine();
            output.WriteLine($"== hybrid: {assistant.Mode} ==");
            var loopback = Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) && (endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host, out var ip) && IPAddress.IsLoopback(ip));
            output.WriteLine(loopback
                ? "note: the endpoint is a server on this machine, not Azure OpenAI: these figures check the plumbing (requests, fusion, fallbacks, citation checks), not the quality of a model."
                : "note: the hybrid figures depend on the deployed models; calibrate AzureOpenAI:Hybrid thresholds on a dev set, never on the test set.");
            if (options.HybridRetrieval && !await host.Services.GetRequiredService<EntryEmbeddings>().EnsureAsync(CancellationToken.None))
            {
                output.WriteLine("warning: the entry embeddings could not be loaded; hybrid retrieval falls back to lexical for every question.");
            }

            var outcomes = new List<EvaluationOutcome>();
            var fallbacks = new Dictionary<string, int>(StringComparer.Ordinal);
            var generated = 0;
            foreach (var evaluationCase in cases)
            {
                var result = await assistant.AskAsync(evaluationCase.Question, null, null, CancellationToken.None);
                var outcome = KnowledgeEvaluator.Outcome(evaluationCase, result.Answer);
                outcomes.Add(outcome);
                generated += result.Generated is null ? 0 : 1;
                if (result.Fallback is { } reason)
                {
                    fallbacks[reason] = fallbacks.GetValueOrDefault(reason) + 1;
                }

                if (json)
                {
                    output.WriteLine(JsonSerializer.Serialize(
                        new
                        {
                            mode = "hybrid",
                            expected = evaluationCase.Expected,
                            question = evaluationCase.Question,
                            decision = outcome.Decision.ToWire(),
                            entryId = outcome.EntryId,
                            score = Math.Round(outcome.Score, 4),
                            retrieval = result.Retrieval,
                            generated = result.Generated is not null,
                            fallback = result.Fallback,
                        },
                        KnowledgeCli.JsonLine));
                }
            }

            var hybrid = new EvaluationReport(outcomes);
            output.WriteLine($"generated answers: {generated}; not used or fell back to lexical: {(fallbacks.Count == 0 ? "0" : string.Join(", ", fallbacks.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")))}");
            KnowledgeCli.WriteReport(output, hybrid, countsOnly);

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lexical top-1 accuracy: {lexical.Accuracy:P1} ({lexical.Passed}/{lexical.Outcomes.Count}); hybrid top-1 accuracy: {hybrid.Accuracy:P1} ({hybrid.Passed}/{hybrid.Outcomes.Count}){(loopback ? " — plumbing check against a local server, not model quality" : "")}"));
            output.WriteLine($"{hybrid.Passed} passed, {hybrid.Failed} failed");
            return 0;
        }
    }

    /// <summary>Prints what the assistant makes of a question (after the lexical explanation).</summary>
    public static async Task AskAsync(string question, KnowledgeLanguage? language, TextWriter output, TextWriter error)
    {
        if (Start(error) is not var (host, assistant, options))
        {
            return;
        }

        using (host)
        {
            if (options.HybridRetrieval)
            {
                await host.Services.GetRequiredService<EntryEmbeddings>().EnsureAsync(CancellationToken.None);
            }

            var result = await assistant.AskAsync(question, language, null, CancellationToken.None);
            output.WriteLine();
            output.WriteLine($"azure openai: {assistant.Mode}");
            output.WriteLine($"  decision:  {result.Answer.Decision.ToWire()} ({result.Retrieval}){(result.Fallback is null ? "" : $"; fallback: {result.Fallback}")}");
            output.WriteLine($"  entry:     {result.Answer.Entry?.Id ?? "-"}{(result.Answer.Options.Count > 1 ? $" (options: {string.Join(", ", result.Answer.Options.Select(o => o.Id))})" : "")}");
            if (result.Generated is { } text)
            {
                output.WriteLine($"  generated (sources: {string.Join(", ", text.Sources.Select(s => s.Id))}):");
                foreach (var line in text.Markdown.Split('\n'))
                {
                    output.WriteLine("    " + line);
                }
            }
        }
    }
}
