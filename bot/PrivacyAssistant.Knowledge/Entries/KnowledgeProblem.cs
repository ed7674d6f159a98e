namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One thing wrong with the knowledge folder, named by file so an editor can fix it.</summary>
/// <param name="File">Path relative to the knowledge folder, e.g. <c>entries/datalek.md</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record KnowledgeProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
