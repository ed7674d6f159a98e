using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Help;

/// <summary>The <c>help</c> verb: replaces the card the user acted on with the help card.</summary>
public sealed class HelpCardAction(CardLibrary cards) : ICardActionHandler
{
    /// <summary>The verb.</summary>
    public const string Verb = "help";

    /// <inheritdoc />
    public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.ReplaceCard(cards.Render("Help", turn.Language)));
}
