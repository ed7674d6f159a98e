using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Conversations.Help;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications;

namespace PrivacyAssistant.Conversations.Escalations;

public static class EscalationDeskServiceCollectionExtensions
{
    /// <summary>
    /// The privacy desk answers forwarded questions in Teams: the command <b>vragen</b> /
    /// <b>questions</b>, the verbs <c>faq.desk.*</c> (officers only, the breach register's
    /// authorisation), the answer to the asker as a proactive message (channel <c>teams-reply</c>)
    /// and the desk's Teams alert for a new question (channel <c>teams</c>, when
    /// <c>Notifications:Teams:Enabled</c>). Call after <c>AddBreachConversations()</c> and
    /// <c>AddKnowledgeConversation()</c>; it adds the officer directory itself when missing.
    /// </summary>
    public static IServiceCollection AddEscalationDesk(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IOfficerDirectory)))
        {
            services.AddBreaches();
        }

        services.AddKnowledgeFeedback();
        services.TryAddSingleton<EscalationDeskCards>();
        services.TryAddSingleton<EscalationDeskView>();
        services.AddMessageHandler<EscalationDeskCommands>(RouteOrder.Commands);
        services.AddOfficerHelp(OfficerHelpTopic.EscalationDesk);
        foreach (var verb in new[] { EscalationDeskVerbs.List, EscalationDeskVerbs.Answer, EscalationDeskVerbs.Close })
        {
            services.AddCardAction<EscalationDeskActions>(verb);
        }

        services.AddNotificationChannel<TeamsProactiveChannel>();
        services.AddNotificationChannel<TeamsReplyChannel>();
        services.AddSingleton<IEscalationNotificationComposer, TeamsEscalationAlertComposer>();
        services.AddSingleton<IEscalationAnswerComposer, TeamsEscalationAnswerComposer>();
        return services;
    }
}
