using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>What is embedded for an entry: title, alternates and the answer as plain text, per language.</summary>
public static class EntryEmbeddingText
{
    public static string For(KnowledgeEntry entry, KnowledgeLanguage language)
    {
        var content = entry.In(language);
        var answer = Markdig.Markdown.ToPlainText(content.AnswerMarkdown).Trim();
        return string.Join("\n", [content.Title, .. content.Alternates, "", answer]);
    }
}
