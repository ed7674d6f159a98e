using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Register;

/// <summary>The durable breach register (SQLite or PostgreSQL).</summary>
public interface IBreachRegister
{
    /// <summary>
    /// Stores a report with a new <c>DL-yyyy-nnnn</c> reference and enqueues the desk notifications
    /// in the same transaction. The same <paramref name="idempotencyKey"/> again returns the
    /// existing report (double click, client retry, replayed activity).
    /// </summary>
    Task<SubmitResult> SubmitAsync(NewBreachReport report, string idempotencyKey, CancellationToken cancellationToken = default);

    Task<BreachReport?> FindAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>Open reports, most urgent deadline first.</summary>
    Task<IReadOnlyList<BreachReport>> ListOpenAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BreachReport>> ListByReporterAsync(string reporterId, CancellationToken cancellationToken = default);

    /// <summary>The whole register, oldest first (export).</summary>
    Task<IReadOnlyList<BreachReport>> ListAllAsync(CancellationToken cancellationToken = default);

    Task<DecisionResult> RecordDecisionAsync(string reference, BreachDecision decision, Officer officer, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DecisionEntry>> ListDecisionsAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks open reports without an AP decision that are <paramref name="warningHours"/> past
    /// discovery as flagged and enqueues the officer alert in the same transaction; each report is
    /// flagged once, by one instance. Returns the reports flagged now.
    /// </summary>
    Task<IReadOnlyList<BreachReport>> FlagOverdueAsync(int warningHours, CancellationToken cancellationToken = default);
}
