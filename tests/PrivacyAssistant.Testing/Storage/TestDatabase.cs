using Microsoft.Data.Sqlite;
using PrivacyAssistant.Storage;

namespace PrivacyAssistant.Testing.Storage;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database
/// on the <see cref="PostgresServer"/>. Dispose removes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? directory;

    private TestDatabase(StorageProvider provider, string location, string? directory, IDbConnectionFactory factory)
    {
        Provider = provider;
        Location = location;
        this.directory = directory;
        Factory = factory;
    }

    public StorageProvider Provider { get; }

    /// <summary>The SQLite file path or the PostgreSQL connection string.</summary>
    public string Location { get; }

    public IDbConnectionFactory Factory { get; }

    /// <summary>Configuration keys that point the host's <c>Storage</c> section at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Provider == StorageProvider.Sqlite
        ? new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:Sqlite:Path"] = Location }
        : new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:Postgres:ConnectionString"] = Location };

    /// <summary><see cref="Settings"/> as environment variables (<c>Storage__Provider</c>), for the host run as a child process.</summary>
    public Dictionary<string, string> EnvironmentVariables =>
        Settings.ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value!);

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Postgres)
        {
            var connectionString = await PostgresServer.CreateDatabaseAsync();
            return new TestDatabase(provider, connectionString, null, new PostgresConnectionFactory(connectionString));
        }

        var directory = Path.Combine(Path.GetTempPath(), "pa-test-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "test.db");
        return new TestDatabase(provider, path, directory, new SqliteConnectionFactory(path, TimeSpan.FromSeconds(30)));
    }

    /// <summary>Another factory on the same database, as a second bot instance would have.</summary>
    public IDbConnectionFactory NewFactory() => Provider == StorageProvider.Sqlite
        ? new SqliteConnectionFactory(Location, TimeSpan.FromSeconds(30))
        : new PostgresConnectionFactory(Location);

    public async ValueTask DisposeAsync()
    {
        if (Factory is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (Provider == StorageProvider.Postgres)
        {
            await PostgresServer.DropDatabaseAsync(Location);
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory!, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle on another thread may still be closing; the temp folder is harmless.
        }
    }
}
