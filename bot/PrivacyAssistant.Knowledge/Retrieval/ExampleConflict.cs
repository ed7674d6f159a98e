namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>Two near-identical labelled texts with different labels (<see cref="ExampleConsistency"/>): one of them is probably wrong.</summary>
/// <param name="Line">The example's line in <c>example-questions.tsv</c>.</param>
/// <param name="Label">Its label: an entry id, or null for none.</param>
/// <param name="OtherLine">The other example's line, or null when the other text is an entry's title or alternate.</param>
/// <param name="OtherLabel">The other text's label: an entry id, or null for none.</param>
/// <param name="Similarity">Cosine similarity of the two texts (0 to 1).</param>
/// <param name="Question">The example's text.</param>
/// <param name="OtherQuestion">The other example's text, or null for a title or alternate.</param>
public sealed record ExampleConflict(int Line, string? Label, int? OtherLine, string? OtherLabel, double Similarity, string Question, string? OtherQuestion);
