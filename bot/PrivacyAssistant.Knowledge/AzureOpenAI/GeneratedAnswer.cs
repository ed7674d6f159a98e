using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>An answer the model wrote from knowledge entries, checked by <see cref="GroundedAnswerGenerator"/>.</summary>
/// <param name="Markdown">The text, with the user's own placeholdered values restored.</param>
/// <param name="Sources">The cited entries, in the order cited; all exist and were given to the model.</param>
public sealed record GeneratedAnswer(string Markdown, IReadOnlyList<KnowledgeEntry> Sources);
