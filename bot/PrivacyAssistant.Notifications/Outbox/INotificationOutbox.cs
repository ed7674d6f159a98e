using System.Data.Common;

namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>
/// Writes notifications into the outbox inside the caller's transaction, so a notification exists
/// if and only if the business change it announces was committed.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Whether a channel of this name is configured (composers skip the others).</summary>
    bool HasChannel(string channel);

    Task EnqueueAsync(DbConnection connection, DbTransaction transaction, OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Wakes the dispatcher after the caller committed, instead of waiting for the next poll.</summary>
    void Nudge();
}
