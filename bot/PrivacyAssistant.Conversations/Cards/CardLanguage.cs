using PrivacyAssistant.BotFramework.Builder;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>
/// The language to answer a card button in. Cards carry the language they were rendered in as
/// <c>lang</c> in their action data: the card's language wins over the activity's <c>locale</c>,
/// which some clients set to the app's UI language rather than the conversation's (the Agents
/// Playground always sends <c>en-US</c>), so a Dutch card keeps answering in Dutch.
/// </summary>
public static class CardLanguage
{
    /// <summary>The data field that carries the card's language.</summary>
    public const string Field = "lang";

    /// <summary><c>nl</c> or <c>en</c> from the action's <c>lang</c>; anything else falls back to <see cref="ITurnContext.Language"/>.</summary>
    public static string Of(ITurnContext turn, CardAction action) =>
        action.GetString(Field)?.ToLowerInvariant() switch
        {
            BotLanguage.Dutch => BotLanguage.Dutch,
            BotLanguage.English => BotLanguage.English,
            _ => turn.Language,
        };
}
