using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Help;

/// <summary>
/// Renders the help card for the person asking. Privacy officers (the breach register's
/// authorisation) also get the "Voor de privacydesk" section with the officer commands of the
/// features in this host; anyone else gets a card without any trace of it. Without an officer
/// directory (a host without the breach or desk features) nobody is an officer.
/// </summary>
public sealed class HelpCard(CardLibrary cards, IEnumerable<OfficerHelpTopic> topics, IOfficerDirectory? officers = null)
{
    public const string Name = "Help";

    private readonly HashSet<string> topicKeys = topics.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

    public async Task<JsonObject> RenderAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        Render(turn.Language, await IsOfficerAsync(turn, cancellationToken));

    public JsonObject Render(string language, bool isOfficer) =>
        cards.Render(Name, language, isOfficer && topicKeys.Count > 0 ? new { officer = Topics() } : null);

    public string Summary(string language) => cards.Text(Name, "summary", language);

    private Dictionary<string, bool> Topics() =>
        new[] { OfficerHelpTopic.BreachRegister, OfficerHelpTopic.EscalationDesk }
            .ToDictionary(topic => topic.Key, topic => topicKeys.Contains(topic.Key), StringComparer.Ordinal);

    private async Task<bool> IsOfficerAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        topicKeys.Count > 0 && officers is not null
        && await officers.IsOfficerAsync(turn.Activity.From?.AadObjectId, cancellationToken);
}
