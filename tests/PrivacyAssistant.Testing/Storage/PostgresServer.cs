using Npgsql;

namespace PrivacyAssistant.Testing.Storage;

/// <summary>
/// The PostgreSQL server the tests may use: <c>PA_TEST_POSTGRES</c> (a connection string with the
/// right to create databases). <c>PA_REQUIRE_POSTGRES=1</c> (set by CI) turns "not configured"
/// from a skip into a failure.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionStringVariable = "PA_TEST_POSTGRES";
    public const string RequiredVariable = "PA_REQUIRE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequiredVariable) is "1" or "true";

    public static bool IsConfigured => ConnectionString is not null;

    public static string SkipReason => $"{ConnectionStringVariable} is not set (./test.sh starts a throwaway PostgreSQL when its binaries are installed).";

    /// <summary>Creates an empty database for one test (class) and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var server = ConnectionString ?? throw new InvalidOperationException(
            $"PostgreSQL is required but {ConnectionStringVariable} is not set.");
        var name = "pa_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
