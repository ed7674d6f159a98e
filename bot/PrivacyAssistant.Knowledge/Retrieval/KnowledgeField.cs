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

    public static string AllName(KnowledgeLanguage language) => language == KnowledgeLanguage.English ? "en." + AllSuffix : "nl." + AllSuffix;

    public static readonly KnowledgeField[] All = [KnowledgeField.Title, KnowledgeField.Alternates, KnowledgeField.Keywords, KnowledgeField.Answer];

    // Built once: the names are asked for every clause of every question.
    private static readonly string[] DutchNames = All.Select(f => "nl." + f.ToString().ToLowerInvariant()).ToArray();
    private static readonly string[] EnglishNames = All.Select(f => "en." + f.ToString().ToLowerInvariant()).ToArray();

    public static string Name(KnowledgeLanguage language, KnowledgeField field) =>
        (language == KnowledgeLanguage.English ? EnglishNames : DutchNames)[(int)field];

    public static float Boost(this RetrievalSettings settings, KnowledgeField field) => field switch
    {
        KnowledgeField.Title => settings.TitleBoost,
        KnowledgeField.Alternates => settings.AlternatesBoost,
        KnowledgeField.Keywords => settings.KeywordsBoost,
        _ => settings.AnswerBoost,
    };
}
