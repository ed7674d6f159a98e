using System.Data.Common;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// When the outbox gives up on bringing the desk's answer to the asker (Teams kept refusing it, or
/// for longer than <c>Notifications:Outbox:GiveUpAfter</c>), the question goes from <c>answered</c>
/// to <c>undelivered</c>, so it is back on the desk's list with "kon niet worden bezorgd" instead of
/// the desk believing the colleague has their answer. Runs in the transaction that abandons the row;
/// the status change is the feedback store's (<see cref="IKnowledgeFeedbackStore.MarkAnswerUndeliveredAsync"/>).
/// </summary>
public sealed partial class UndeliveredAnswerHandler(IKnowledgeFeedbackStore store, ILogger<UndeliveredAnswerHandler> logger) : IOutboxAbandonedHandler
{
    public async Task OnAbandonedAsync(DbConnection connection, DbTransaction transaction, AbandonedMessage message, CancellationToken cancellationToken)
    {
        if (message.Type != IEscalationAnswerComposer.MessageType || Escalation.IdOf(message.Correlation) is not { } id)
        {
            return;
        }

        var listed = await store.MarkAnswerUndeliveredAsync(connection, transaction, id, cancellationToken);
        LogUndelivered(logger, message.Correlation, message.ErrorCode, listed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to forwarded question {Reference} could not be delivered ({ErrorCode}); back on the desk's list: {Listed}")]
    private static partial void LogUndelivered(ILogger logger, string reference, string errorCode, bool listed);
}
