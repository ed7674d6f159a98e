namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>An example whose leave-one-out neighbours vote for another label than its own (<see cref="ExampleConsistency"/>).</summary>
/// <param name="Line">The example's line in <c>example-questions.tsv</c>.</param>
/// <param name="Label">Its own label: an entry id, or null for none.</param>
/// <param name="Voted">The label the other texts vote for: an entry id, or null for none.</param>
/// <param name="Support">How strongly (<see cref="ExampleVerdict.Support"/>, 0 to 1).</param>
/// <param name="Question">The example's text (the officer's own file, so fine to print).</param>
public sealed record ExampleDisagreement(int Line, string? Label, string? Voted, double Support, string Question);
