namespace PrivacyAssistant.Knowledge.Redaction;

/// <summary>One value replaced by a placeholder. The original never leaves the process.</summary>
public sealed record Redaction(PersonalDataKind Kind, string Placeholder, string Original);
