namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One FAQ entry, loaded from <c>knowledge/entries/&lt;id&gt;.md</c>.</summary>
/// <param name="Id">Stable id; equals the file name. Other tools refer to it.</param>
/// <param name="Dutch">The Dutch question, alternates, keywords and answer.</param>
/// <param name="English">The English question, alternates, keywords and answer.</param>
/// <param name="Related">Ids of related entries, in the order the author gave them.</param>
/// <param name="Sources">Links the answer is based on.</param>
/// <param name="Reviewed">When the privacy officer last reviewed the entry.</param>
/// <param name="Actions">Extra buttons the answer card offers (see <see cref="EntryActions"/>).</param>
public sealed record KnowledgeEntry(
    string Id,
    LocalizedContent Dutch,
    LocalizedContent English,
    IReadOnlyList<string> Related,
    IReadOnlyList<EntrySource> Sources,
    DateOnly? Reviewed,
    IReadOnlyList<string> Actions)
{
    public LocalizedContent In(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;

    public bool Offers(string action) => Actions.Contains(action, StringComparer.Ordinal);
}
