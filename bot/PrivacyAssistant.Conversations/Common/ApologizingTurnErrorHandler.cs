using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Common;

/// <summary>When a message turn fails, tells the user honestly (and how to reach the privacy desk) instead of staying silent.</summary>
public sealed class ApologizingTurnErrorHandler(CardLibrary cards) : ITurnErrorHandler
{
    /// <inheritdoc />
    public async Task OnTurnErrorAsync(ITurnContext turn, Exception exception, CancellationToken cancellationToken)
    {
        // Invokes answer with an error response; other events have nobody waiting for an answer.
        if (!turn.Activity.IsType(ActivityTypes.Message))
        {
            return;
        }

        try
        {
            await turn.SendActivityAsync(cards.Text("Messages", "turnError", turn.Language), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The connector itself may be what failed; the failure is already logged.
        }
    }
}
