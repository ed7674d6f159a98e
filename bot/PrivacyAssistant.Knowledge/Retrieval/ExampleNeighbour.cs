using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>One of the labelled texts nearest a question (for the explanation only).</summary>
/// <param name="EntryId">The text's entry, or null for an example outside privacy.</param>
/// <param name="Similarity">Cosine similarity of the two texts' letter and word profiles (0 to 1).</param>
/// <param name="Example">The example question the text is, or null for an entry's title or alternate.</param>
public readonly record struct ExampleNeighbour(string? EntryId, double Similarity, ExampleQuestion? Example = null);
