namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// <c>out-of-scope.txt</c>: the Dutch and the English topics staff ask about that are not privacy
/// questions. Read by <see cref="OutOfScopeReader"/>; retrieval analyses them like questions
/// (<c>OutOfScopeMatcher</c>).
/// </summary>
/// <param name="File">The file name in the knowledge folder, for messages.</param>
public sealed record OutOfScopeList(string File, IReadOnlyList<OutOfScopeTopic> Dutch, IReadOnlyList<OutOfScopeTopic> English)
{
    public IReadOnlyList<OutOfScopeTopic> For(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;
}
