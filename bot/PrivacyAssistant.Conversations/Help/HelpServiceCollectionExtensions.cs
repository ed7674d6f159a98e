using Microsoft.Extensions.DependencyInjection;

namespace PrivacyAssistant.Conversations.Help;

public static class HelpServiceCollectionExtensions
{
    /// <summary>
    /// Adds a topic to the help card's officer section (shown only to privacy officers). Features
    /// call it for the officer commands they register; calling it twice adds the topic once.
    /// </summary>
    public static IServiceCollection AddOfficerHelp(this IServiceCollection services, OfficerHelpTopic topic)
    {
        if (!services.Any(d => d.ServiceType == typeof(OfficerHelpTopic) && Equals(d.ImplementationInstance, topic)))
        {
            services.AddSingleton(topic);
        }

        return services;
    }
}
