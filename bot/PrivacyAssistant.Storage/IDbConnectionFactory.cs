using System.Data.Common;

namespace PrivacyAssistant.Storage;

/// <summary>
/// Opens connections to the configured database. Callers own (and dispose) the connection.
/// Use <see cref="DbConnection.BeginTransactionAsync(CancellationToken)"/> for writes: on SQLite it
/// takes the write lock at <c>BEGIN</c> (IMMEDIATE), so read-then-write sequences never deadlock.
/// </summary>
public interface IDbConnectionFactory
{
    StorageProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);
}
