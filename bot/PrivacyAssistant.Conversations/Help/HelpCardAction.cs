using PrivacyAssistant.BotFramework.Builder;

namespace PrivacyAssistant.Conversations.Help;

/// <summary>The <c>help</c> verb: replaces the card the user acted on with the help card.</summary>
public sealed class HelpCardAction(HelpCard help) : ICardActionHandler
{
    /// <summary>The verb.</summary>
    public const string Verb = "help";

    /// <inheritdoc />
    public async Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        CardActionResult.ReplaceCard(await help.RenderAsync(turn, cancellationToken));
}
