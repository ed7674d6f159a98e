using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Redaction;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// The assistant with Azure OpenAI. Per question: the lexical answer first (breach intent included —
/// a breach report is never sent anywhere); then, within the rate limits and the question's time
/// budget, the redacted question's embedding re-ranks the entries (<see cref="HybridDecision"/>), and
/// for an answer the chat deployment condenses the top entries into a cited text
/// (<see cref="GroundedAnswerGenerator"/>). Any failure, timeout or rejected reply leaves the
/// lexical result in place.
/// </summary>
public sealed partial class HybridKnowledgeAssistant(
    KnowledgeEngine engine,
    IKnowledgeModel model,
    EntryEmbeddings embeddings,
    AzureOpenAIGuard guard,
    AssistanceRateLimiter rateLimiter,
    PersonalDataRedactor redactor,
    AzureOpenAIOptions options,
    TimeProvider time,
    ILogger<HybridKnowledgeAssistant> logger) : IKnowledgeAssistant
{
    public string Mode => Describe(options);

    public static string Describe(AzureOpenAIOptions options) =>
        !options.IsConfigured
            ? "lexical"
            : string.Join(" + ", new[]
            {
                options.HybridRetrieval ? $"hybrid retrieval (embeddings deployment '{options.EmbeddingsDeployment}')" : null,
                options.GroundedAnswers ? $"grounded answers (chat deployment '{options.ChatDeployment}')" : null,
            }.Where(p => p is not null)) + $", {(options.Authentication == AzureOpenAIAuthentication.ApiKey ? "API key" : "Entra ID")} authentication";

    public async Task<AssistedAnswer> AskAsync(string question, KnowledgeLanguage? preferredLanguage, string? userKey, CancellationToken cancellationToken)
    {
        var lexical = engine.Answerer.Ask(question, preferredLanguage);
        if (lexical.Decision == AnswerDecision.Breach)
        {
            return AssistedAnswer.Lexical(lexical);
        }

        var text = question.Length > options.MaxQuestionCharacters ? question[..options.MaxQuestionCharacters] : question;
        var redacted = redactor.Redact(text);
        if (redacted.Redactions.Count > 0)
        {
            // Names and numbers are words no entry contains, so they drag the lexical confidence down
            // ("mag ik de foto van Daan Jansen plaatsen"). Search the question without them too (locally)
            // and keep whichever the lexical search is surer of; breach intent was decided on the original.
            var cleaned = engine.Answerer.Ask(PlaceholderPattern().Replace(redacted.Text, " "), preferredLanguage);
            if (cleaned.Decision != AnswerDecision.Breach && cleaned.Confidence > lexical.Confidence)
            {
                lexical = cleaned;
            }
        }

        // Never wait for the entry vectors during a question: they load in the background.
        var wantsVector = model.CanEmbed && embeddings.IsReady;
        if (model.CanEmbed && !wantsVector)
        {
            embeddings.WarmUpInBackground();
        }

        var wantsChat = model.CanChat;
        if (!wantsVector && !(wantsChat && lexical.Decision == AnswerDecision.Answer))
        {
            return AssistedAnswer.Lexical(lexical, model.CanEmbed ? "embeddings-not-ready" : null);
        }

        if (!rateLimiter.TryAcquire(userKey))
        {
            LogRateLimited(logger);
            return AssistedAnswer.Lexical(lexical, "rate-limited");
        }

        var deadline = time.GetUtcNow() + options.QuestionBudget;
        TimeSpan Remaining() => Min(options.CallTimeout, deadline - time.GetUtcNow());

        var answer = lexical;
        var retrieval = "lexical";
        IReadOnlyList<FusedCandidate> fused = [];
        if (wantsVector)
        {
            var result = await guard.CallAsync("embeddings (question)", ct => model.EmbedAsync([redacted.Text], ct), Remaining(), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return AssistedAnswer.Lexical(lexical, Reason(result.Outcome));
            }

            var vector = embeddings.Rank(result.Value![0]);
            fused = ReciprocalRankFusion.Fuse(lexical.Retrieval?.Candidates ?? [], vector, options.Hybrid.RrfK);
            answer = HybridDecision.Decide(lexical, fused, vector, engine.Knowledge, engine.Policy, options.Hybrid);
            retrieval = "hybrid";
            LogHybrid(logger, lexical.Decision.ToWire(), answer.Decision.ToWire(), lexical.Entry?.Id ?? "-", answer.Entry?.Id ?? "-");
        }

        if (!wantsChat || answer.Decision != AnswerDecision.Answer || answer.Entry is null)
        {
            return new AssistedAnswer(answer, null, retrieval, null);
        }

        var grounding = new List<KnowledgeEntry> { answer.Entry };
        var others = fused.Count > 0
            ? fused.Where(c => c.LexicalConfidence >= engine.Policy.NoneThreshold || c.Similarity >= options.Hybrid.SuggestSimilarity).Select(c => c.EntryId)
            : (answer.Retrieval?.Candidates ?? []).Where(c => c.Confidence >= engine.Policy.NoneThreshold).Select(c => c.EntryId);
        grounding.AddRange(others.Where(id => id != answer.Entry.Id).Take(options.GroundingEntries - 1).Select(engine.Knowledge.Get));

        var user = GroundedAnswerGenerator.UserMessage(redacted.Text, answer.Language, grounding, options.MaxPromptTokens);
        var reply = await guard.CallAsync("chat (grounded answer)", ct => model.CompleteAsync(GroundedAnswerGenerator.SystemMessage, user, options.MaxOutputTokens, ct), Remaining(), cancellationToken).ConfigureAwait(false);
        if (!reply.Succeeded)
        {
            return new AssistedAnswer(answer, null, retrieval, Reason(reply.Outcome));
        }

        LogTokens(logger, reply.Value!.InputTokens, reply.Value.OutputTokens);
        var (check, generated) = GroundedAnswerGenerator.Check(reply.Value.Text, GroundedAnswerGenerator.OfferedIds(user), engine.Knowledge, answer.Language, redacted);
        if (check != GroundedReplyCheck.Accepted)
        {
            LogRejected(logger, check, answer.Entry.Id);
            return new AssistedAnswer(answer, null, retrieval, Wire(check));
        }

        return new AssistedAnswer(answer, generated, retrieval, null);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Reason(ModelCallOutcome outcome) => outcome switch
    {
        ModelCallOutcome.CircuitOpen => "circuit-open",
        ModelCallOutcome.TimedOut => "timeout",
        _ => "service-error",
    };

    private static string Wire(GroundedReplyCheck check) => check switch
    {
        GroundedReplyCheck.NotInKnowledgeBase => "not-in-knowledge-base",
        GroundedReplyCheck.UnknownCitation => "unknown-citation",
        GroundedReplyCheck.UnknownLink => "unknown-link",
        _ => "malformed-reply",
    };

    [GeneratedRegex(@"\[[A-Z-]+-\d+\]")]
    private static partial Regex PlaceholderPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure OpenAI not used for a question: rate limit reached")]
    private static partial void LogRateLimited(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hybrid retrieval: lexical {LexicalDecision} ({LexicalEntry}) -> {Decision} ({Entry})")]
    private static partial void LogHybrid(ILogger logger, string lexicalDecision, string decision, string lexicalEntry, string entry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grounded answer tokens: {InputTokens} in, {OutputTokens} out")]
    private static partial void LogTokens(ILogger logger, int inputTokens, int outputTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated answer rejected ({Check}); showing entry {EntryId} as written")]
    private static partial void LogRejected(ILogger logger, GroundedReplyCheck check, string entryId);
}
