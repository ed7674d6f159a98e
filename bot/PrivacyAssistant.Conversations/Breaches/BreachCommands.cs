using System.Text.RegularExpressions;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Common;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// Typed commands: "datalek melden" / "report a data breach" (the form), "meldingen" (officers:
/// open reports), "mijn meldingen" (own reports), "datalek DL-2026-0001" (one report) and
/// "register exporteren" (officers: CSV link). Free-text breach intents ("ik ben mijn laptop
/// kwijt") are recognised by the knowledge feature, which offers <c>breach.start</c>.
/// </summary>
public sealed partial class BreachCommands(BreachCards cards, BreachRegisterView view) : IMessageHandler
{
    private static readonly HashSet<string> StartPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "datalek melden", "meld datalek", "datalek rapporteren", "datalek doorgeven", "een datalek melden", "ik wil een datalek melden",
        "report a data breach", "report data breach", "report a breach", "report breach", "i want to report a data breach",
    };

    private static readonly HashSet<string> ListPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "meldingen", "datalekken", "datalekregister", "open meldingen", "openstaande meldingen", "register",
        "breaches", "breach register", "open breaches", "open reports",
    };

    private static readonly HashSet<string> MinePhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "mijn meldingen", "mijn datalekken", "mijn datalekmeldingen", "my reports", "my breaches", "my breach reports",
    };

    private static readonly HashSet<string> ExportPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "register exporteren", "exporteer register", "datalekregister exporteren", "export", "exporteren",
        "export register", "export breaches", "export breach register",
    };

    public bool Matches(ITurnContext turn) => Command(turn) is not null;

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var command = Command(turn);
        if (command == "start")
        {
            // The fresh form, bound once per language and filled per turn (the same card as Form's).
            await turn.SendActivityAsync(cards.FormMessage(turn.Language, Guid.NewGuid().ToString("N"), BreachCaller.Name(turn)), cancellationToken);
            return;
        }

        var text = CommandText.Of(turn.Activity).ToString();
        var result = command switch
        {
            "list" => await view.OpenReportsAsync(turn, cancellationToken),
            "mine" => await view.MyReportsAsync(turn, cancellationToken),
            "export" => await view.ExportAsync(turn, cancellationToken),
            _ => await view.ShowAsync(turn, ShowPattern().Match(text).Groups["reference"].Value, cancellationToken),
        };

        await turn.SendAsMessageAsync(result, cancellationToken);
    }

    private static string? Command(ITurnContext turn)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var text = CommandText.Of(turn.Activity);
        return text.Length == 0 ? null
            : StartLookup.Contains(text) ? "start"
            : ListLookup.Contains(text) ? "list"
            : MineLookup.Contains(text) ? "mine"
            : ExportLookup.Contains(text) ? "export"
            : ShowPattern().IsMatch(text) ? "show"
            : null;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StartLookup = StartPhrases.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ListLookup = ListPhrases.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MineLookup = MinePhrases.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExportLookup = ExportPhrases.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"^(?:(?:datalek|melding|breach|report|toon|show)\s+)?(?<reference>DL-\d{4}-\d{4,})$", RegexOptions.IgnoreCase)]
    private static partial Regex ShowPattern();
}
