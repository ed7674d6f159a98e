using System.Data.Common;

namespace PrivacyAssistant.Notifications.Outbox;

/// <summary>
/// Lets the feature that queued a message react when it can never be delivered (e.g. put the
/// question back on the privacy desk's list). Called inside the transaction that marks the row
/// abandoned, so the reaction happens if and only if the row was abandoned; when it throws, the
/// transaction rolls back and the row is tried (and abandoned) again after its lease.
/// Register with <see cref="NotificationsServiceCollectionExtensions.AddOutboxAbandonedHandler{THandler}"/>;
/// handlers ignore message types that are not theirs.
/// </summary>
public interface IOutboxAbandonedHandler
{
    Task OnAbandonedAsync(DbConnection connection, DbTransaction transaction, AbandonedMessage message, CancellationToken cancellationToken);
}
