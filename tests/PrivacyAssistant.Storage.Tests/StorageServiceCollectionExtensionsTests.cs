using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddStorage_WithDefaults_UsesSqliteUnderDataFolderOfContentRootWithWal()
    {
        var root = Path.Combine(Path.GetTempPath(), "pa-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            using var host = BuildHost(root, new Dictionary<string, string?>(), services => services.AddMigrations(
                "test", new Migration("test/0001-t", "CREATE TABLE t (id INTEGER);", "CREATE TABLE t (id INTEGER);")));
            await host.StartAsync();

            var factory = host.Services.GetRequiredService<IDbConnectionFactory>();
            Assert.Equal(StorageProvider.Sqlite, factory.Provider);
            Assert.True(File.Exists(Path.Combine(root, ".data", "privacy-assistant.db")));
            await using var connection = await factory.OpenAsync();
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.True(await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout") > 0);
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations WHERE id = 'test/0001-t'"));
            Assert.True(host.Services.GetRequiredService<StorageReadiness>().WhenReady.IsCompletedSuccessfully);
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task AddStorage_PostgresWithoutConnectionString_FailsAtStart()
    {
        using var host = BuildHost(Path.GetTempPath(), new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }, _ => { });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Postgres:ConnectionString", error.Message);
    }

    [Fact]
    public void AddStorage_PostgresProvider_SelectsPostgresFactory()
    {
        using var host = BuildHost(Path.GetTempPath(), new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = "Host=127.0.0.1;Database=none",
        }, _ => { });

        Assert.Equal(StorageProvider.Postgres, host.Services.GetRequiredService<IDbConnectionFactory>().Provider);
    }

    private static IHost BuildHost(string contentRoot, Dictionary<string, string?> settings, Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorage();
        configure(builder.Services);
        return builder.Build();
    }
}
