namespace PrivacyAssistant.Testing.Storage;

/// <summary>
/// Marks a test class whose <see cref="StorageFactAttribute"/> tests need PostgreSQL: they are
/// skipped when it is not configured, and fail when <c>PA_REQUIRE_POSTGRES=1</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class UsesPostgresAttribute : Attribute;
