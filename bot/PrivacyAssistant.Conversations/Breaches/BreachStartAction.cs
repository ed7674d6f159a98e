using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary><c>breach.start</c> (optional <c>kind</c>): replaces the card acted on with the report form.</summary>
public sealed class BreachStartAction(BreachCards cards) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.ReplaceCard(
            cards.Form(CardLanguage.Of(turn, action), Guid.NewGuid().ToString("N"), BreachCaller.Name(turn), preselectKind: action.GetString("kind"))));
}
