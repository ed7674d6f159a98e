using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary>
/// Answers any text message from the knowledge base: the answer card, "Bedoel je…?", an honest
/// "Dat weet ik niet zeker" with the way to the privacy desk (or, for a question about something
/// else than privacy, "Dit lijkt geen privacyvraag" with the same way), or the breach report offer.
/// Only the outcome is counted (decision + entry id), never the question.
/// </summary>
public sealed partial class KnowledgeQuestionHandler(
    IKnowledgeAssistant assistant,
    FaqCards cards,
    IKnowledgeFeedbackStore feedback,
    ILogger<KnowledgeQuestionHandler> logger) : IMessageHandler
{
    /// <summary>Longer messages are cut before searching (a question, not a document).</summary>
    public const int MaxQuestionLength = 1000;

    public bool Matches(ITurnContext turn) => turn.Activity.GetTextWithoutMentions().Length > 0;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var question = turn.Activity.GetTextWithoutMentions();
        if (question.Length > MaxQuestionLength)
        {
            question = question[..MaxQuestionLength];
        }

        var started = Stopwatch.GetTimestamp();
        var preferred = turn.Language == BotLanguage.English ? KnowledgeLanguage.English : (KnowledgeLanguage?)null;
        // The asker's Entra object id only keys the assistant's in-memory rate limit (hashed there); it is not stored.
        var assisted = await assistant.AskAsync(question, preferred, turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id, cancellationToken);
        var answer = assisted.Answer;
        var language = answer.Language;
        LogDecision(logger, answer.Decision.ToWire(), answer.Entry?.Id, answer.Confidence, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // The cards come as UTF-8 JSON rendered once (the question put into its holes) and go into the
        // reply as they are; a node tree per reply was the largest cost of a turn after answering. The
        // clarify and not-sure cards are put together (card parts + question) only as the reply is written.
        Activity reply = answer.Decision switch
        {
            AnswerDecision.Answer when assisted.Generated is { } generated =>
                MessageFactory.Card(cards.Answer(answer.Entry!, language, generated: generated), answer.Entry!.In(language).Title),
            AnswerDecision.Answer => MessageFactory.Card(cards.AnswerJson(answer.Entry!, language), answer.Entry!.In(language).Title),
            AnswerDecision.Clarify => MessageFactory.Card(cards.ClarifyCard(answer.Options.Count > 0 ? answer.Options : [answer.Entry!], question, language), cards.Summary("FaqClarify", language)),
            AnswerDecision.Breach => MessageFactory.Card(cards.BreachJson(language, answer.Entry?.Id), cards.Summary("FaqBreach", language)),
            _ => MessageFactory.Card(
                cards.NoneCard(question, answer.Retrieval?.Top?.EntryId, language, outOfScope: answer.OutOfScope is not null),
                cards.NoneSummary(language, answer.OutOfScope is not null)),
        };
        var shownEntry = answer.Decision is AnswerDecision.Answer or AnswerDecision.Clarify ? answer.Entry?.Id : null;
        reply.Locale = FaqCards.LanguageCode(language);
        await turn.SendActivityAsync(reply.With(answer.Decision, shownEntry).WithAssistance(assisted), cancellationToken);

        try
        {
            await feedback.CountQuestionAsync(answer.Decision, shownEntry, language, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The user has the answer; a missed count must not turn into an error message.
            LogCountFailed(logger, ex.GetType().Name);
        }
    }

    // Debug, not Information: the officer's statistics are the daily counts (knowledge_question_counts),
    // so a timestamped line per question would only keep when colleagues asked what, which no feature
    // needs; and at one question at a time the console logger's wake-up per line cost ≈ 20 % of the
    // throughput (RELIABILITY.md, load at concurrency 1). Turn it on per category when tuning.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Knowledge question: decision {Decision}, entry {EntryId}, confidence {Confidence:0.000}, {ElapsedMs:0.0} ms")]
    private static partial void LogDecision(ILogger logger, string decision, string? entryId, double confidence, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count a knowledge question ({ExceptionType})")]
    private static partial void LogCountFailed(ILogger logger, string exceptionType);
}
