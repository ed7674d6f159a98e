namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One line of <c>example-questions.tsv</c>: a question staff asked and the entry a privacy officer would answer it with.</summary>
/// <param name="EntryId">The entry's id, or null for a question outside privacy (<c>none</c>).</param>
/// <param name="Question">The question as typed.</param>
/// <param name="Line">Its line in the file (1-based), for problems and explanations.</param>
public sealed record ExampleQuestion(string? EntryId, string Question, int Line);
