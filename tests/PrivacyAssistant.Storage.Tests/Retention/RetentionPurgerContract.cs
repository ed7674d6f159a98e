using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Storage.Retention;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Storage.Tests.Retention;

public abstract class RetentionPurgerContract(StorageProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T10:00:00Z");
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        var migration = new Migration(
            "test/0001-events",
            "CREATE TABLE events (id INTEGER PRIMARY KEY, status TEXT NOT NULL, created_at BIGINT NOT NULL);",
            "CREATE TABLE events (id BIGINT PRIMARY KEY, status TEXT NOT NULL, created_at BIGINT NOT NULL);");
        await new MigrationRunner(database.Factory, [new MigrationSet("test", [migration])], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [StorageFact]
    public async Task PurgeAsync_DeletesOnlyRowsOlderThanTheRuleAndMatchingItsCondition()
    {
        await using (var connection = await database.Factory.OpenAsync())
        {
            await Insert(connection, 1, "done", Now.AddDays(-31));
            await Insert(connection, 2, "done", Now.AddDays(-29));
            await Insert(connection, 3, "pending", Now.AddDays(-400));
        }

        var rule = new RetentionRule("events", "created_at", TimeSpan.FromDays(30), "test", "status = 'done'");
        var purger = new RetentionPurger(database.Factory, [rule], new FakeTimeProvider(Now), NullLogger<RetentionPurger>.Instance);

        var deleted = await purger.PurgeAsync();

        Assert.Equal(1, deleted["events"]);
        await using var check = await database.Factory.OpenAsync();
        Assert.Equal([2L, 3L], (await check.QueryAsync<long>("SELECT id FROM events ORDER BY id")).ToList());
    }

    private static Task<int> Insert(System.Data.Common.DbConnection connection, long id, string status, DateTimeOffset createdAt) =>
        connection.ExecuteAsync(
            "INSERT INTO events (id, status, created_at) VALUES (@id, @status, @createdAt)",
            new { id, status, createdAt = StorageTime.ToUnixMs(createdAt) });
}

public sealed class SqliteRetentionPurgerTests() : RetentionPurgerContract(StorageProvider.Sqlite);

[UsesPostgres]
public sealed class PostgresRetentionPurgerTests() : RetentionPurgerContract(StorageProvider.Postgres);
