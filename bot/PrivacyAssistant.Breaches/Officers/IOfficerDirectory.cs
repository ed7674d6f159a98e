namespace PrivacyAssistant.Breaches.Officers;

/// <summary>Decides who is a privacy officer (sees all reports, records decisions, exports).</summary>
public interface IOfficerDirectory
{
    Task<bool> IsOfficerAsync(string? aadObjectId, CancellationToken cancellationToken = default);

    /// <summary>The officers to alert proactively (configured object ids).</summary>
    IReadOnlyList<string> ConfiguredOfficers { get; }
}
