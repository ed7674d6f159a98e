using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary>
/// <c>breach.start</c> until the breach report form exists: says plainly how to report now (mail
/// the privacy desk) instead of pretending. Registered only when no breach feature registered the
/// verb, so the breach feature replaces it by registering its own handler.
/// </summary>
public sealed class BreachStartPlaceholderAction(FaqCards cards) : ICardActionHandler
{
    public const string Verb = "breach.start";

    public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Message(cards.Text("FaqMessages", "breachByMail", FaqCards.FromCode(CardLanguage.Of(turn, action)))));
}
