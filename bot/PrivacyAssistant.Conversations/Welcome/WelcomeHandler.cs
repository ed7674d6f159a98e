using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Welcome;

/// <summary>
/// Greets with the welcome card. In a personal chat: when the bot is installed or the user joins
/// (once per event). In group chats and channels: only when the bot itself is added, so new team
/// members do not flood the channel.
/// </summary>
public sealed class WelcomeHandler(CardLibrary cards) : IMembersAddedHandler
{
    /// <inheritdoc />
    public async Task OnMembersAddedAsync(ITurnContext turn, MembersAddedEvent added, CancellationToken cancellationToken)
    {
        var personal = turn.Activity.Conversation?.ConversationType is null or "personal";
        var welcome = personal ? added.Members.Count > 0 || added.BotAdded : added.BotAdded;
        if (!welcome)
        {
            return;
        }

        var card = cards.Render("Welcome", turn.Language);
        await turn.SendActivityAsync(MessageFactory.Card(card, cards.Text("Welcome", "summary", turn.Language)), cancellationToken);
    }
}
