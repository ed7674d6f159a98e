namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>The languages every entry is written in. Dutch is the school's language and the default.</summary>
public enum KnowledgeLanguage
{
    Dutch,
    English,
}
