namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// Sends a <see cref="CardActionResult"/> as a new message, for typed commands that share their
/// work with card verbs: there is no card to replace, so the card (with its spoken summary), the
/// text or the error text goes out as the next message.
/// </summary>
public static class CardActionResultMessages
{
    public static async Task SendAsMessageAsync(this ITurnContext turn, CardActionResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case CardActionResult.Card card:
                await turn.SendActivityAsync(MessageFactory.Card(card.Content, card.Content["speak"]?.ToString()), cancellationToken);
                break;
            case CardActionResult.Text message:
                await turn.SendActivityAsync(message.Value, cancellationToken);
                break;
            case CardActionResult.Failure failure:
                await turn.SendActivityAsync(failure.ErrorMessage, cancellationToken);
                break;
        }
    }
}
