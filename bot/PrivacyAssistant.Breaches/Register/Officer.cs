namespace PrivacyAssistant.Breaches.Register;

/// <summary>The privacy officer recording a decision (for the audit trail).</summary>
public sealed record Officer(string Id, string Name);
