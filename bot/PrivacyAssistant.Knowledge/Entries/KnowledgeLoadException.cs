namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>The knowledge folder cannot be used; the message lists every problem found.</summary>
public sealed class KnowledgeLoadException : Exception
{
    public KnowledgeLoadException(string folder, IReadOnlyList<KnowledgeProblem> problems)
        : base(Describe(folder, problems))
    {
        Folder = folder;
        Problems = problems;
    }

    public string Folder { get; }

    public IReadOnlyList<KnowledgeProblem> Problems { get; }

    private static string Describe(string folder, IReadOnlyList<KnowledgeProblem> problems) =>
        $"The knowledge folder '{folder}' has {problems.Count} problem(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
