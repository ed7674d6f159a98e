namespace PrivacyAssistant.Storage;

/// <summary>The database engine behind the storage layer.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file (default; one bot instance).</summary>
    Sqlite,

    /// <summary>PostgreSQL (production option for several bot instances).</summary>
    Postgres,
}
