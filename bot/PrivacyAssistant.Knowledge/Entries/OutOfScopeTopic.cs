namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One line of <c>out-of-scope.txt</c>: a topic that is not a privacy question, as the phrases staff use for it.</summary>
/// <param name="Phrases">The phrases as written (the words count, not the order).</param>
/// <param name="Line">The line in the file, for messages and explanations.</param>
public sealed record OutOfScopeTopic(IReadOnlyList<string> Phrases, int Line)
{
    public string Text => string.Join(", ", Phrases);
}
