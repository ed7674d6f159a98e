using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PrivacyAssistant.Storage;

/// <summary>
/// SQLite connections with WAL, a busy timeout and foreign keys on. <c>synchronous=FULL</c>
/// because a breach report is acknowledged to the reporter once committed: the commit must
/// survive a power cut, not just a process crash.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string connectionString;
    private readonly int busyTimeoutMs;
    private int walChecked;

    public SqliteConnectionFactory(string databasePath, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = System.IO.Path.GetFullPath(databasePath);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        DatabasePath = fullPath;
        busyTimeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Max(30, busyTimeout.TotalSeconds),
        }.ToString();
    }

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string DatabasePath { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);

            // The journal mode is stored in the file: switching once per process is enough.
            if (Interlocked.Exchange(ref walChecked, 1) == 0)
            {
                command.CommandText = "PRAGMA journal_mode = WAL;";
                await command.ExecuteScalarAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
