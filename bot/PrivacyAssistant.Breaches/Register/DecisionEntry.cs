namespace PrivacyAssistant.Breaches.Register;

/// <summary>One line of a report's audit trail: who decided what, when (details as JSON).</summary>
public sealed record DecisionEntry(DateTimeOffset DecidedAt, Officer Officer, string Decision, string Details);
