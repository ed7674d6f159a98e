using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Common;

/// <summary>Answers a message nothing else took: a button it does not know, a message without text, or text it does not understand.</summary>
public sealed class FallbackHandler(CardLibrary cards) : IFallbackHandler
{
    /// <inheritdoc />
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var key = turn.Activity switch
        {
            { Value: JsonObject } => "unknownAction",
            var activity when activity.GetTextWithoutMentions().Length == 0 => "textOnly",
            _ => "notUnderstood",
        };
        return turn.SendActivityAsync(cards.Text("Messages", key, turn.Language), cancellationToken);
    }
}
