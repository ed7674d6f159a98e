using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Conversations.Help;
using PrivacyAssistant.Notifications;

namespace PrivacyAssistant.Conversations.Breaches;

public static class BreachConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Breach reporting in Teams: the domain (register, outbox, mail), the form and register verbs,
    /// the typed commands, the Teams alert channel (when <c>Notifications:Teams:Enabled</c>) and the
    /// CSV export link. Map the download with <see cref="BreachExportEndpoint.MapBreachExport"/>.
    /// </summary>
    public static IServiceCollection AddBreachConversations(this IServiceCollection services)
    {
        services.AddBreaches();
        services.AddHttpContextAccessor();
        services.AddOptions<BreachExportOptions>()
            .BindConfiguration(BreachExportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || IsKey(o.SigningKey), "Breaches:Export:SigningKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();

        services.TryAddSingleton<BreachCards>();
        services.TryAddSingleton<BreachExportLinks>();
        services.TryAddSingleton<BreachRegisterView>();

        services.AddCardAction<BreachStartAction>(BreachVerbs.Start);
        services.AddCardAction<BreachSubmitAction>(BreachVerbs.Submit);
        foreach (var verb in new[] { BreachVerbs.List, BreachVerbs.Mine, BreachVerbs.Show, BreachVerbs.DecideAp, BreachVerbs.DecideSubjects, BreachVerbs.DecideMeasures, BreachVerbs.DecideDiscovery, BreachVerbs.Close, BreachVerbs.Export })
        {
            services.AddCardAction<BreachRegisterActions>(verb);
        }

        services.AddMessageHandler<BreachCommands>(RouteOrder.Commands);
        services.AddOfficerHelp(OfficerHelpTopic.BreachRegister);

        // Always registered; Notifications:Teams:Enabled is read at run time.
        services.AddNotificationChannel<TeamsProactiveChannel>();
        services.AddSingleton<IBreachNotificationComposer, TeamsBreachComposer>();

        return services;
    }

    private static bool IsKey(string value)
    {
        try
        {
            return Convert.FromBase64String(value).Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
