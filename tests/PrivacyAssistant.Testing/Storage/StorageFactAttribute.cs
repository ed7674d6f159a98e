using Xunit;
using Xunit.Sdk;

namespace PrivacyAssistant.Testing.Storage;

/// <summary>
/// A fact that may run against PostgreSQL: in a class marked <see cref="UsesPostgresAttribute"/>
/// it is reported as skipped (not silently passed) when no server is configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("PrivacyAssistant.Testing.Storage.StorageFactDiscoverer", "PrivacyAssistant.Testing")]
public sealed class StorageFactAttribute : FactAttribute;
