using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary><c>faq.feedback</c>: stores 👍/👎 for an entry without the user's identity and thanks them in the card.</summary>
public sealed class FaqFeedbackAction(KnowledgeBase knowledge, FaqCards cards, IKnowledgeFeedbackStore feedback) : ICardActionHandler
{
    public const string Verb = "faq.feedback";

    public async Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = FaqCards.FromCode(CardLanguage.Of(turn, action));
        var entry = action.GetString("entryId") is { } id ? knowledge.Find(id) : null;
        if (entry is null || Helpful(action.Data["helpful"]) is not { } helpful)
        {
            return CardActionResult.Error(cards.Text("FaqMessages", "badFeedback", language));
        }

        await feedback.RecordVoteAsync(entry.Id, helpful, language, cancellationToken);
        return CardActionResult.ReplaceCard(cards.Answer(entry, language, helpful ? "helpful" : "notHelpful"));
    }

    private static bool? Helpful(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) => parsed,
        _ => null,
    };
}
