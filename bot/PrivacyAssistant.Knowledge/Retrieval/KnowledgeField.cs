using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>The searchable parts of an entry; each language has its own copy of each field.</summary>
public enum KnowledgeField
{
    Title,
    Alternates,
    Keywords,
    Answer,
}

internal static class KnowledgeFieldNames
{
    public const string Id = "id";

    /// <summary>Suffix of the per-language catch-all field; only used for entry-level document frequencies.</summary>
    public const string AllSuffix = "all";

    public static string AllName(KnowledgeLanguage language) => (language == KnowledgeLanguage.English ? "en." : "nl.") + AllSuffix;

    public static readonly KnowledgeField[] All = [KnowledgeField.Title, KnowledgeField.Alternates, KnowledgeField.Keywords, KnowledgeField.Answer];

    public static string Name(KnowledgeLanguage language, KnowledgeField field) =>
        (language == KnowledgeLanguage.English ? "en." : "nl.") + field.ToString().ToLowerInvariant();

    public static float Boost(this RetrievalSettings settings, KnowledgeField field) => field switch
    {
        KnowledgeField.Title => settings.TitleBoost,
        KnowledgeField.Alternates => settings.AlternatesBoost,
        KnowledgeField.Keywords => settings.KeywordsBoost,
        _ => settings.AnswerBoost,
    };
}
