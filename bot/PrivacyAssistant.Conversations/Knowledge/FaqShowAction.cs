using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary><c>faq.show</c>: shows one entry (a related question or a "Bedoel je…?" choice) in place of the card.</summary>
public sealed class FaqShowAction(KnowledgeBase knowledge, FaqCards cards, IKnowledgeFeedbackStore feedback) : ICardActionHandler
{
    public const string Verb = "faq.show";

    public async Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var language = FaqCards.FromCode(CardLanguage.Of(turn, action));
        var entry = action.GetString("entryId") is { } id ? knowledge.Find(id) : null;
        if (entry is null)
        {
            return CardActionResult.Error(cards.Text("FaqMessages", "unknownEntry", language));
        }

        await feedback.CountQuestionAsync(AnswerDecision.Answer, entry.Id, language, cancellationToken);
        return CardActionResult.ReplaceCard(cards.Answer(entry, language));
    }
}
