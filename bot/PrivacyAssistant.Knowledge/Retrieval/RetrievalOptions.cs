namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>Per-call options.</summary>
/// <param name="MaxCandidates">How many ranked entries to return.</param>
/// <param name="Explain">Include the per-term score breakdown (slower; for the admin CLI).</param>
public sealed record RetrievalOptions(int MaxCandidates = 5, bool Explain = false);
