namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>One line of <c>breach-intents.txt</c>: every group must occur in the message.</summary>
/// <param name="Line">Line number in the file (for messages and the admin CLI).</param>
/// <param name="Text">The line as written.</param>
/// <param name="Groups">Groups of alternatives; an alternative is a sequence of normalised words.</param>
/// <param name="IsGuard">A guard ("!" line) marks a general question about breaches, not a report.</param>
public sealed record BreachIntentPattern(int Line, string Text, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Groups, bool IsGuard);
