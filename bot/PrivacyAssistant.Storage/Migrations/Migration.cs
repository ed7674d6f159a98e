namespace PrivacyAssistant.Storage.Migrations;

/// <summary>
/// One schema change, written once per provider. <paramref name="Id"/> is globally unique and
/// never changes once shipped (convention: <c>feature/0001-what</c>); the SQL may hold several
/// statements and runs in one transaction together with its <c>schema_migrations</c> record.
/// Timestamps are epoch milliseconds (see <see cref="StorageTime"/>).
/// </summary>
public sealed record Migration(string Id, string Sqlite, string Postgres)
{
    public string SqlFor(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => Sqlite,
        StorageProvider.Postgres => Postgres,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
