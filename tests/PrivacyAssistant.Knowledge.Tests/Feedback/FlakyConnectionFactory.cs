using System.Data.Common;
using PrivacyAssistant.Storage;

namespace PrivacyAssistant.Knowledge.Tests.Feedback;

/// <summary>A real database that refuses connections while <see cref="Failing"/> is set, with an error quoting content.</summary>
internal sealed class FlakyConnectionFactory(IDbConnectionFactory inner) : IDbConnectionFactory
{
    public const string ErrorText = "disk I/O error near 'datalek' for jan@school.nl";

    public bool Failing { get; set; }

    public StorageProvider Provider => inner.Provider;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        Failing ? throw new InvalidOperationException(ErrorText) : inner.OpenAsync(cancellationToken);
}
