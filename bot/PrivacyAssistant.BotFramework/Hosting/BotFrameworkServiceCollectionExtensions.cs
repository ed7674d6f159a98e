using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Connector;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>Registers the protocol layer.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Bot Framework protocol: <see cref="BotOptions"/> (section <c>Bot</c>, validated at
    /// start-up), incoming token validation, the outgoing token provider for the configured
    /// <see cref="BotAuthType"/>, the connector client with retries, the <see cref="TurnRouter"/>, and
    /// the local-mode guard. Map the endpoint with <c>app.MapBotMessages()</c>.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotHttpClients.OpenIdMetadata, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotHttpClients.Msal);
        services.AddTransient<ConnectorRetryHandler>();
        services.AddHttpClient(BotHttpClients.Connector, client => client.Timeout = TimeSpan.FromSeconds(100))
            .AddHttpMessageHandler<ConnectorRetryHandler>();

        services.TryAddSingleton<OpenIdMetadataCache>();
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IBotTokenProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>();
            return options.Value switch
            {
                { IsLocalMode: true } => new LocalModeTokenProvider(),
                { AuthType: BotAuthType.UserAssignedMSI } => new ManagedIdentityBotTokenProvider(options),
                _ => new MsalBotTokenProvider(options, sp.GetRequiredService<IMsalHttpClientFactory>()),
            };
        });
        services.TryAddSingleton<IConnectorClientFactory, ConnectorClientFactory>();

        services.TryAddSingleton<TurnRouter>();
        services.TryAddSingleton<ActivityProcessor>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalModeGuard>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, LocalModeLoopbackFilter>());
        return services;
    }
}
