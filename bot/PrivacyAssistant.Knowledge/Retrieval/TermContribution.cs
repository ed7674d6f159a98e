namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>How much one word of the question added to an entry's score.</summary>
public sealed record TermContribution(string Term, double Score, double Weight);
