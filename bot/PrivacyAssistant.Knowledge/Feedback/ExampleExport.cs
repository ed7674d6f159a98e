namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>What <see cref="ExampleQuestionExport.Write"/> produced.</summary>
/// <param name="Text">The header comment and the lines, each ending in <c>\n</c>.</param>
/// <param name="Handled">Handled questions read.</param>
/// <param name="Written">Lines written (each still labelled <c>?</c>…, for the officer to review).</param>
/// <param name="Suggested">Lines with the bot's closest entry as a suggestion (<c>?entry-id</c>).</param>
/// <param name="AlreadyExamples">Questions left out because <c>example-questions.tsv</c> has them.</param>
/// <param name="Repeats">Questions left out because an earlier one in the export has the same words.</param>
public sealed record ExampleExport(string Text, int Handled, int Written, int Suggested, int AlreadyExamples, int Repeats);
