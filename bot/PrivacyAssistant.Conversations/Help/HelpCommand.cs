using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.Conversations.Help;

/// <summary>Answers <c>help</c> (and its Dutch and informal variants) with the help card.</summary>
public sealed class HelpCommand(HelpCard help) : IMessageHandler
{
    private static readonly HashSet<string> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "help", "hulp", "/help", "?", "menu", "help me", "helpen",
        "wat kan je", "wat kun je", "wat kan je doen", "wat kun je doen", "wat kan ik vragen",
        "what can you do", "what can i ask", "commands",
    };

    /// <inheritdoc />
    public bool Matches(ITurnContext turn) => IsHelp(turn.Activity.GetTextWithoutMentions());

    /// <inheritdoc />
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendActivityAsync(MessageFactory.Card(await help.RenderAsync(turn, cancellationToken), help.Summary(turn.Language)), cancellationToken);

    /// <summary>True for the phrases that ask for help, ignoring case and trailing punctuation.</summary>
    public static bool IsHelp(string text)
    {
        // As spans: every message passes here, and trimming a question's '?' made a string per turn.
        var normalized = text.AsSpan().Trim();
        if (normalized is "?")
        {
            return true;
        }

        return PhraseLookup.Contains(normalized.TrimEnd("?!. "));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup = Phrases.GetAlternateLookup<ReadOnlySpan<char>>();
}
