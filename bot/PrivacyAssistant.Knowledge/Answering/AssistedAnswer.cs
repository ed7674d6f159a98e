using PrivacyAssistant.Knowledge.AzureOpenAI;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>The knowledge answer with what Azure OpenAI added, if anything.</summary>
/// <param name="Answer">The decision and entries (the lexical one, or the hybrid one).</param>
/// <param name="Generated">Text the model wrote from the entries, checked; null = show the entry's own answer.</param>
/// <param name="Retrieval"><c>lexical</c> or <c>hybrid</c>: how the entries were ranked.</param>
/// <param name="Fallback">Why Azure OpenAI was not (fully) used, e.g. <c>timeout</c>, <c>circuit-open</c>, <c>rate-limited</c>, <c>unknown-citation</c>; null when it was or when it is off.</param>
public sealed record AssistedAnswer(KnowledgeAnswer Answer, GeneratedAnswer? Generated, string Retrieval, string? Fallback)
{
    public static AssistedAnswer Lexical(KnowledgeAnswer answer, string? fallback = null) => new(answer, null, "lexical", fallback);
}
