using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Common;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// Typed command for the privacy desk: <b>vragen</b> / <b>questions</b> (and a few variants) lists
/// the open forwarded questions. Registered before the knowledge catch-all, like the breach commands.
/// </summary>
public sealed partial class EscalationDeskCommands(EscalationDeskView view) : IMessageHandler
{
    private static readonly HashSet<string> DutchPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "vragen", "open vragen", "openstaande vragen", "doorgestuurde vragen", "vragen privacydesk", "vragen beantwoorden",
    };

    private static readonly HashSet<string> EnglishPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "questions", "open questions", "forwarded questions", "answer questions",
    };

    public bool Matches(ITurnContext turn) => Language(turn) is not null;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var result = await view.ListAsync(turn, Language(turn) ?? turn.Language, cancellationToken);
        await turn.SendAsMessageAsync(result, cancellationToken);
    }

    /// <summary>The command's language (the words decide, as for questions); null when it is not the command.</summary>
    private static string? Language(ITurnContext turn)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var text = CommandText.Of(turn.Activity);
        return DutchLookup.Contains(text) ? BotLanguage.Dutch
            : EnglishLookup.Contains(text) ? BotLanguage.English
            : null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DutchLookup = DutchPhrases.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = EnglishPhrases.GetAlternateLookup<ReadOnlySpan<char>>();
}
