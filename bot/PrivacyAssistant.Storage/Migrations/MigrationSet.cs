namespace PrivacyAssistant.Storage.Migrations;

/// <summary>
/// A feature's migrations, in the order they must run. Registered with
/// <see cref="StorageServiceCollectionExtensions.AddMigrations"/>; sets run in registration order.
/// </summary>
public sealed record MigrationSet(string Feature, IReadOnlyList<Migration> Migrations);
