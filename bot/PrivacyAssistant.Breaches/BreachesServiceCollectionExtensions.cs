using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches.Monitoring;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Retention;

namespace PrivacyAssistant.Breaches;

public static class BreachesServiceCollectionExtensions
{
    /// <summary>The breach register, validation, desk notifications and the overdue monitor.</summary>
    public static IServiceCollection AddBreaches(this IServiceCollection services)
    {
        services.AddStorage();
        services.AddNotifications();
        services.AddBreachesOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrations("breaches", BreachMigrations.All);
        services.AddRetentionRule(sp => new RetentionRule(
            "breach_reports",
            "closed_at",
            TimeSpan.FromDays(365.25 * sp.GetRequiredService<IOptions<BreachesOptions>>().Value.RetentionYears),
            "Breach register entry: accountability evidence (GDPR art. 5(2), 33(5)).",
            "closed_at IS NOT NULL"));

        services.AddSingleton<BreachReportValidator>();
        services.AddSingleton<IBreachRegister, SqlBreachRegister>();
        services.AddSingleton<IBreachNotificationComposer, BreachMailComposer>();
        // Only asked when Breaches:OfficerGroupId is set; uses the Graph credential of the mail channel.
        services.TryAddSingleton<IGroupMembership>(sp => new GraphGroupMembership(
            sp.GetRequiredService<IOptions<NotificationsOptions>>(),
            () => sp.GetRequiredKeyedService<Azure.Core.TokenCredential>(PrivacyAssistant.Notifications.Mail.GraphMailChannel.CredentialKey),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<GraphGroupMembership>>()));

        services.TryAddSingleton<IOfficerDirectory>(sp => new ConfiguredOfficerDirectory(
            sp.GetRequiredService<IOptions<BreachesOptions>>(), sp.GetService<IGroupMembership>()));
        services.AddHostedService<OverdueBreachMonitor>();
        return services;
    }

    /// <summary>
    /// The <c>Breaches</c> section alone, validated: for tools that need the school's time zone (<see cref="BreachesOptions.Zone"/>)
    /// without the register, its storage and notifications.
    /// </summary>
    public static IServiceCollection AddBreachesOptions(this IServiceCollection services)
    {
        services.AddOptions<BreachesOptions>()
            .BindConfiguration(BreachesOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => TryZone(o.TimeZone), "Breaches:TimeZone is not a known time zone id.")
            .Validate(o => o.NotificationLanguage is "nl" or "en", "Breaches:NotificationLanguage must be nl or en.")
            .ValidateOnStart();
        return services;
    }

    private static bool TryZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
