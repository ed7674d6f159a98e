using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// What the privacy desk does with forwarded questions, shared by the typed command and the card
/// verbs: list the open ones, answer one (the asker gets it in Teams) or close one. Only officers
/// (the breach register's authorisation); anyone else gets a refusal without question data.
/// </summary>
public sealed partial class EscalationDeskView(
    IKnowledgeFeedbackStore store,
    IOfficerDirectory officers,
    EscalationDeskCards cards,
    ILogger<EscalationDeskView> logger)
{
    public async Task<CardActionResult> ListAsync(ITurnContext turn, string language, CancellationToken cancellationToken)
    {
        if (!await officers.IsOfficerAsync(turn.Activity.From?.AadObjectId, cancellationToken))
        {
            return Refusal(language);
        }

        return CardActionResult.ReplaceCard(cards.List(language, await store.ListOpenEscalationsAsync(cancellationToken)));
    }

    public Task<CardActionResult> AnswerAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        OnFoundEscalationAsync(turn, action, cancellationToken, async (current, reference, language) =>
        {
            var answer = action.GetString(EscalationDeskCards.InputId(current.Reference));
            if (answer is null && current.Status == EscalationStatus.Open)
            {
                return CardActionResult.ReplaceCard(cards.List(language, await store.ListOpenEscalationsAsync(cancellationToken), problemReference: current.Reference, typed: Typed(action)));
            }

            var handling = answer is null
                ? new EscalationHandling(EscalationHandlingOutcome.AlreadyHandled, current)
                : await store.AnswerEscalationAsync(current.Id, answer, BreachCaller.Id(turn), cancellationToken);
            if (handling.Outcome == EscalationHandlingOutcome.Done)
            {
                LogAnswered(logger, handling.Escalation!.Reference, handling.ReplyQueued);
            }

            return await ListWithAsync(language, Notice(handling, reference, language, answered: true), cancellationToken, Typed(action));
        });

    public Task<CardActionResult> CloseAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        OnFoundEscalationAsync(turn, action, cancellationToken, async (current, reference, language) =>
        {
            var handling = await store.CloseEscalationAsync(current.Id, BreachCaller.Id(turn), cancellationToken);
            if (handling.Outcome == EscalationHandlingOutcome.Done)
            {
                LogClosed(logger, handling.Escalation!.Reference);
            }

            return await ListWithAsync(language, Notice(handling, reference, language, answered: false), cancellationToken, Typed(action));
        });

    /// <summary>
    /// What answering and closing share before they differ: only an officer gets past, and a reference
    /// that names no question shows the list again with a notice. <paramref name="handle"/> gets the
    /// question, the reference as sent and the card language.
    /// </summary>
    private async Task<CardActionResult> OnFoundEscalationAsync(
        ITurnContext turn,
        CardAction action,
        CancellationToken cancellationToken,
        Func<Escalation, string, string, Task<CardActionResult>> handle)
    {
        var language = CardLanguage.Of(turn, action);
        if (!await officers.IsOfficerAsync(turn.Activity.From?.AadObjectId, cancellationToken))
        {
            return Refusal(language);
        }

        var reference = action.GetString("reference") ?? string.Empty;
        if (await FindAsync(reference, cancellationToken) is not { } current)
        {
            return await ListWithAsync(language, cards.Text("notFound", language, new { reference }), cancellationToken, Typed(action));
        }

        return await handle(current, reference, language);
    }

    /// <summary>The question a reference names; the year must match too (ids are numbered across years).</summary>
    private async Task<Escalation?> FindAsync(string reference, CancellationToken cancellationToken) =>
        Escalation.IdOf(reference) is { } id && await store.FindEscalationAsync(id, cancellationToken) is { } found
            && string.Equals(found.Reference, reference.Trim(), StringComparison.OrdinalIgnoreCase)
            ? found
            : null;

    private string Notice(EscalationHandling handling, string reference, string language, bool answered) => handling switch
    {
        { Outcome: EscalationHandlingOutcome.NotFound } => cards.Text("notFound", language, new { reference }),
        { Outcome: EscalationHandlingOutcome.AlreadyHandled, Escalation.Status: EscalationStatus.Answered } =>
            cards.Text("alreadyAnswered", language, new { reference = handling.Escalation.Reference }),
        { Outcome: EscalationHandlingOutcome.AlreadyHandled, Escalation.Status: EscalationStatus.Undelivered } =>
            cards.Text("alreadyUndelivered", language, new { reference = handling.Escalation.Reference }),
        { Outcome: EscalationHandlingOutcome.AlreadyHandled } => cards.Text("alreadyClosed", language, new { reference = handling.Escalation!.Reference }),
        _ when !answered && handling.Escalation!.Answer is not null => cards.Text("settled", language, new { reference = handling.Escalation.Reference }),
        _ when !answered => cards.Text("closed", language, new { reference = handling.Escalation!.Reference }),
        { ReplyQueued: true } => cards.Text("answered", language, new { reference = handling.Escalation!.Reference }),
        _ => cards.Text("answeredNoReply", language, new { reference = handling.Escalation!.Reference }),
    };

    private async Task<CardActionResult> ListWithAsync(string language, string notice, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? typed = null) =>
        CardActionResult.ReplaceCard(cards.List(language, await store.ListOpenEscalationsAsync(cancellationToken), notice, typed: typed));

    /// <summary>Answers typed into other questions' fields, so pressing one button loses none of them.</summary>
    private static Dictionary<string, string> Typed(CardAction action)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, _) in action.Data)
        {
            if (key.StartsWith("answer-", StringComparison.Ordinal) && action.GetString(key) is { } text)
            {
                typed[key["answer-".Length..]] = text;
            }
        }

        return typed;
    }

    private CardActionResult Refusal(string language) => CardActionResult.Message(cards.Text("notOfficer", language));

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded question {Reference} answered by the privacy desk (reply queued: {ReplyQueued})")]
    private static partial void LogAnswered(ILogger logger, string reference, bool replyQueued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded question {Reference} closed by the privacy desk")]
    private static partial void LogClosed(ILogger logger, string reference);
}
