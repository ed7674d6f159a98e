using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Notifications.Mail;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Retention;

namespace PrivacyAssistant.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The outbox (table, dispatcher, retention) and, when <c>Notifications:Mail:Enabled</c>, the
    /// Graph mail channel. Other layers add channels with <see cref="AddNotificationChannel{TChannel}"/>.
    /// Several features call it (breaches, knowledge escalations); the second call does nothing.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NotificationOutbox)))
        {
            return services;
        }

        services.AddStorage();
        services.AddOptions<NotificationsOptions>()
            .BindConfiguration(NotificationsOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !o.Mail.Enabled || !string.IsNullOrWhiteSpace(o.Mail.Mailbox), "Notifications:Mail:Mailbox is required when mail is enabled.")
            .Validate(o => !o.Mail.Enabled || o.Mail.To.Count > 0, "Notifications:Mail:To needs at least one privacy desk address when mail is enabled.")
            .Validate(o => !o.Mail.Enabled || Uri.TryCreate(o.Mail.GraphBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || GraphMailChannel.IsLoopback(o.Mail.GraphBaseUrl)),
                "Notifications:Mail:GraphBaseUrl must be an https URL.")
            .Validate(o => o.Outbox.AttemptTimeout < o.Outbox.Lease, "Notifications:Outbox:AttemptTimeout must be shorter than the Lease.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMigrations("notifications", OutboxMigrations.All);
        services.AddRetentionRule(sp => new RetentionRule(
            "notification_outbox",
            "created_at",
            sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.DeliveredRetention,
            "Delivery record of a notification; only kept to investigate delivery problems.",
            "status <> 'pending'"));

        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();

        // The Graph credential is created on first use only (mail channel, officer group check).
        services.TryAddKeyedSingleton<TokenCredential>(GraphMailChannel.CredentialKey, (sp, _) =>
        {
            var credential = sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.Mail.Credential;
            if (GraphCredentials.Problem(credential) is { } problem)
            {
                throw new OptionsValidationException(NotificationsOptions.SectionName, typeof(NotificationsOptions), [problem]);
            }

            return GraphCredentials.Create(credential);
        });

        // Always registered; Notifications:Mail:Enabled is read at run time (hosts may add configuration late).
        services.AddSingleton<INotificationChannel>(sp => new GraphMailChannel(
            sp.GetRequiredService<IOptions<NotificationsOptions>>(),
            () => sp.GetRequiredKeyedService<TokenCredential>(GraphMailChannel.CredentialKey)));

        return services;
    }

    /// <summary>
    /// Adds a reaction to messages the outbox gives up on, run in the transaction that abandons them
    /// (e.g. the knowledge feature puts an undeliverable answer back on the desk's list). Idempotent per type.
    /// </summary>
    public static IServiceCollection AddOutboxAbandonedHandler<THandler>(this IServiceCollection services)
        where THandler : class, IOutboxAbandonedHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxAbandonedHandler, THandler>());
        return services;
    }

    /// <summary>Adds a delivery channel (e.g. Teams proactive messages from the Conversations layer).</summary>
    public static IServiceCollection AddNotificationChannel<TChannel>(this IServiceCollection services)
        where TChannel : class, INotificationChannel
    {
        // Several features may add the same channel (breach and escalation alerts share "teams").
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, TChannel>());
        return services;
    }
}
