namespace PrivacyAssistant.Knowledge.Entries;

/// <summary>One language's side of an entry, with placeholders already filled.</summary>
/// <param name="Title">The canonical question.</param>
/// <param name="Alternates">Other ways staff ask the same question.</param>
/// <param name="Keywords">Extra search terms.</param>
/// <param name="AnswerMarkdown">The answer as Markdown (what Teams renders in a card).</param>
public sealed record LocalizedContent(
    string Title,
    IReadOnlyList<string> Alternates,
    IReadOnlyList<string> Keywords,
    string AnswerMarkdown);
