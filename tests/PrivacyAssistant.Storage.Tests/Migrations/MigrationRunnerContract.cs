using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Storage.Tests.Migrations;

/// <summary>The same behaviour is required of both providers.</summary>
public abstract class MigrationRunnerContract(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;

    private static readonly Migration Notes = new(
        "test/0001-notes",
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created_at BIGINT NOT NULL);",
        "CREATE TABLE notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body TEXT NOT NULL, created_at BIGINT NOT NULL);");

    private static readonly Migration NotesIndex = new(
        "test/0002-notes-index",
        "CREATE INDEX ix_notes_created ON notes (created_at);",
        "CREATE INDEX ix_notes_created ON notes (created_at);");

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [StorageFact]
    public async Task ApplyAsync_OnEmptyDatabase_AppliesAllInOrderAndRecordsThem()
    {
        var runner = Runner(database.Factory, new MigrationSet("test", [Notes, NotesIndex]));

        var applied = await runner.ApplyAsync();

        Assert.Equal(["test/0001-notes", "test/0002-notes-index"], applied);
        await using var connection = await database.Factory.OpenAsync();
        var recorded = (await connection.QueryAsync<string>("SELECT id FROM schema_migrations ORDER BY id")).ToList();
        Assert.Equal(["test/0001-notes", "test/0002-notes-index"], recorded);
        await connection.ExecuteAsync("INSERT INTO notes (body, created_at) VALUES ('x', 1)");
    }

    [StorageFact]
    public async Task ApplyAsync_SecondRun_AppliesOnlyNewMigrations()
    {
        await Runner(database.Factory, new MigrationSet("test", [Notes])).ApplyAsync();

        var second = await Runner(database.Factory, new MigrationSet("test", [Notes, NotesIndex])).ApplyAsync();
        var third = await Runner(database.Factory, new MigrationSet("test", [Notes, NotesIndex])).ApplyAsync();

        Assert.Equal(["test/0002-notes-index"], second);
        Assert.Empty(third);
    }

    [StorageFact]
    public async Task ApplyAsync_SeveralInstancesAtOnce_AppliesEachMigrationExactlyOnce()
    {
        var sets = new MigrationSet("test", [Notes, NotesIndex]);
        var factories = Enumerable.Range(0, 4).Select(_ => database.NewFactory()).ToList();

        var results = await Task.WhenAll(factories.Select(factory => Task.Run(() => Runner(factory, sets).ApplyAsync())));

        Assert.Equal(2, results.Sum(applied => applied.Count));
        await using var connection = await database.Factory.OpenAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations"));
        foreach (var factory in factories.OfType<IAsyncDisposable>())
        {
            await factory.DisposeAsync();
        }
    }

    [StorageFact]
    public async Task ApplyAsync_FailingMigration_LeavesNoRecordAndNoPartialChange()
    {
        var broken = new Migration("test/0002-broken", "CREATE TABLE half (id INTEGER); THIS IS NOT SQL;", "CREATE TABLE half (id INTEGER); THIS IS NOT SQL;");
        var runner = Runner(database.Factory, new MigrationSet("test", [Notes, broken]));

        await Assert.ThrowsAnyAsync<Exception>(() => runner.ApplyAsync());

        await using var connection = await database.Factory.OpenAsync();
        Assert.Equal(["test/0001-notes"], (await connection.QueryAsync<string>("SELECT id FROM schema_migrations")).ToList());
        var halfExists = provider == StorageProvider.Sqlite
            ? await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'")
            : await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half'");
        Assert.Equal(0, halfExists);
    }

    [StorageFact]
    public async Task ApplyAsync_DuplicateIdsAcrossFeatures_Throws()
    {
        var runner = Runner(database.Factory, new MigrationSet("a", [Notes]), new MigrationSet("b", [Notes]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.ApplyAsync());

        Assert.Contains("test/0001-notes", error.Message);
    }

    private static MigrationRunner Runner(IDbConnectionFactory factory, params MigrationSet[] sets) =>
        new(factory, sets, new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T10:00:00Z")), NullLogger<MigrationRunner>.Instance);
}

public sealed class SqliteMigrationRunnerTests() : MigrationRunnerContract(StorageProvider.Sqlite);

[UsesPostgres]
public sealed class PostgresMigrationRunnerTests() : MigrationRunnerContract(StorageProvider.Postgres);
