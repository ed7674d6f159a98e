namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>
/// A word list of the knowledge folder (<c>everyday-words.txt</c>, <c>school-words.txt</c>, <c>stop-words.txt</c>): the
/// Dutch and the English words as written, each with its line. Read by <see cref="WordListReader"/>;
/// retrieval analyses the words like questions (<c>LanguageAnalysis</c>).
/// </summary>
/// <param name="File">The file name in the knowledge folder, for messages.</param>
public sealed record WordList(string File, IReadOnlyList<ListedWord> Dutch, IReadOnlyList<ListedWord> English)
{
    public IReadOnlyList<ListedWord> For(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;
}
