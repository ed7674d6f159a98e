using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary><c>faq.desk.list</c>, <c>faq.desk.answer</c> (<c>reference</c>, input <c>answer-&lt;reference&gt;</c>) and <c>faq.desk.close</c> (<c>reference</c>).</summary>
public sealed class EscalationDeskActions(EscalationDeskView view) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken) => action.Verb switch
    {
        EscalationDeskVerbs.Answer => view.AnswerAsync(turn, action, cancellationToken),
        EscalationDeskVerbs.Close => view.CloseAsync(turn, action, cancellationToken),
        _ => view.ListAsync(turn, CardLanguage.Of(turn, action), cancellationToken),
    };
}
