namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>One line of <c>breach-intents.txt</c>: every group must occur in the message.</summary>
/// <param name="Line">Line number in the file (for messages and the admin CLI).</param>
/// <param name="Text">The line as written.</param>
/// <param name="Groups">Groups of alternatives; an alternative is a sequence of normalised words.</param>
/// <param name="IsGuard">A guard ("!" line) marks a general question about breaches, not a report.</param>
/// <param name="IsTopic">A topic line ("?" line) names breaches as a subject: a question that is not a report but matches one is about breaches.</param>
public sealed record BreachIntentPattern(int Line, string Text, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Groups, bool IsGuard, bool IsTopic = false);
