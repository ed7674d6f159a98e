using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Escalations;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary>
/// <c>faq.escalate</c>: sends the question to the privacy desk, only when the consent box is ticked.
/// Without consent nothing is stored and the card comes back with the box marked.
/// </summary>
public sealed partial class FaqEscalateAction(KnowledgeBase knowledge, FaqCards cards, IKnowledgeFeedbackStore feedback, ILogger<FaqEscalateAction> logger) : ICardActionHandler
{
    public const string Verb = "faq.escalate";

    public async Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = FaqCards.FromCode(CardLanguage.Of(turn, action));
        var question = action.GetString("question");
        if (question is null)
        {
            return CardActionResult.Error(cards.Text("FaqMessages", "noQuestion", language));
        }

        var bestEntryId = action.GetString("bestEntryId") is { } id && knowledge.Find(id) is not null ? id : null;
        if (!IsOn(action.GetString("consent")))
        {
            var error = cards.Text("FaqMessages", "consentMissing", language);
            return CardActionResult.ReplaceCard(cards.None(question, bestEntryId, language, error, outOfScope: IsOn(action.GetString("outOfScope"))));
        }

        var contactName = IsOn(action.GetString("contact")) ? turn.Activity.From?.Name : null;
        // Where the desk's answer goes: kept because the asker consented, and only until it is answered or closed.
        var replyTo = EscalationReplyAddress.From(turn.Activity)?.ToJson();
        var escalation = await feedback.EscalateAsync(new EscalationRequest(question, language, bestEntryId, contactName, replyTo), cancellationToken);
        LogEscalated(logger, escalation.Reference);
        return CardActionResult.ReplaceCard(cards.Escalated(escalation, language));
    }

    private static bool IsOn(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Question escalated to the privacy desk as {Reference}")]
    private static partial void LogEscalated(ILogger logger, string reference);
}
