using System.Data.Common;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// When the outbox gives up on bringing the desk's answer to the asker (Teams kept refusing it, or
/// for longer than <c>Notifications:Outbox:GiveUpAfter</c>), the question goes from <c>answered</c>
/// to <c>undelivered</c>, so it is back on the desk's list with "kon niet worden bezorgd" instead of
/// the desk believing the colleague has their answer, and the desk is told so on its configured
/// channels (<see cref="IEscalationNotificationComposer.ComposeUndelivered"/>) rather than finding
/// out only when it next opens the list. Runs in the transaction that abandons the row; the status
/// change is the feedback store's (<see cref="IKnowledgeFeedbackStore.MarkAnswerUndeliveredAsync"/>).
/// </summary>
public sealed partial class UndeliveredAnswerHandler(
    IKnowledgeFeedbackStore store,
    ILogger<UndeliveredAnswerHandler> logger,
    INotificationOutbox? outbox = null,
    IEnumerable<IEscalationNotificationComposer>? composers = null) : IOutboxAbandonedHandler
{
    public async Task OnAbandonedAsync(DbConnection connection, DbTransaction transaction, AbandonedMessage message, CancellationToken cancellationToken)
    {
        if (message.Type != IEscalationAnswerComposer.MessageType || Escalation.IdOf(message.Correlation) is not { } id)
        {
            return;
        }

        var escalation = await store.MarkAnswerUndeliveredAsync(connection, transaction, id, cancellationToken);
        var alerts = 0;
        if (escalation is not null && outbox is not null)
        {
            foreach (var composer in (composers ?? []).Where(composer => outbox.HasChannel(composer.Channel)))
            {
                foreach (var alert in composer.ComposeUndelivered(escalation))
                {
                    await outbox.EnqueueAsync(connection, transaction, alert, cancellationToken);
                    alerts++;
                }
            }
        }

        if (alerts > 0)
        {
            // The dispatcher is inside its round; the nudge starts the next one once this row is committed.
            outbox!.Nudge();
        }

        LogUndelivered(logger, message.Correlation, message.ErrorCode, escalation is not null, alerts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to forwarded question {Reference} could not be delivered ({ErrorCode}); back on the desk's list: {Listed}; desk alerts queued: {Alerts}")]
    private static partial void LogUndelivered(ILogger logger, string reference, string errorCode, bool listed, int alerts);
}
