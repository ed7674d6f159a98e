using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Knowledge;

namespace PrivacyAssistant.Conversations.Knowledge;

public static class KnowledgeConversationServiceCollectionExtensions
{
    /// <summary>
    /// Answers questions from the knowledge base (catch-all text handler) and handles the
    /// <c>faq.*</c> verbs; also a stand-in <c>breach.start</c> while no breach form is registered
    /// (call <see cref="AddBreachStartPlaceholder"/> after the breach feature).
    /// </summary>
    public static IServiceCollection AddKnowledgeConversation(this IServiceCollection services)
    {
        services.AddKnowledge();
        services.AddKnowledgeFeedback();
        // The Azure OpenAI assistant when AddKnowledgeAssistant() ran before; otherwise lexical only.
        services.TryAddSingleton<IKnowledgeAssistant>(sp => new LexicalKnowledgeAssistant(sp.GetRequiredService<IKnowledgeAnswerer>()));
        services.AddSingleton<FaqCards>();
        services.AddMessageHandler<KnowledgeQuestionHandler>(RouteOrder.CatchAll);
        services.AddCardAction<FaqShowAction>(FaqShowAction.Verb);
        services.AddCardAction<FaqFeedbackAction>(FaqFeedbackAction.Verb);
        services.AddCardAction<FaqEscalateAction>(FaqEscalateAction.Verb);
        return services;
    }

    /// <summary>
    /// Registers <see cref="BreachStartPlaceholderAction"/> for <c>breach.start</c> unless a breach
    /// feature already handles it (<c>breach.start</c> or <c>breach.*</c>). Call it last.
    /// </summary>
    public static IServiceCollection AddBreachStartPlaceholder(this IServiceCollection services)
    {
        var handled = services.Any(d => d.ServiceType == typeof(BotRoute)
            && d.ImplementationInstance is BotRoute { Kind: BotRouteKind.CardAction } route
            && route.Key is BreachStartPlaceholderAction.Verb or "breach.*");
        return handled ? services : services.AddCardAction<BreachStartPlaceholderAction>(BreachStartPlaceholderAction.Verb);
    }
}
