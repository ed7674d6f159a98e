using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgresStorageOptions Postgres { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();
}

public sealed class SqliteStorageOptions
{
    /// <summary>Database file; relative paths are resolved against the content root.</summary>
    [Required]
    public string Path { get; set; } = ".data/privacy-assistant.db";

    /// <summary>How long a connection waits for another writer before failing (SQLite <c>busy_timeout</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class PostgresStorageOptions
{
    /// <summary>Npgsql connection string; required when <see cref="StorageOptions.Provider"/> is Postgres.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class RetentionOptions
{
    /// <summary>Whether the background purge runs (tests switch it off to purge on demand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between purge runs; the first run happens right after start-up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
