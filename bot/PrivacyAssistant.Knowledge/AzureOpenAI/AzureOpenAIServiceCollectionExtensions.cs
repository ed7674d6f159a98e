using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Redaction;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

public static class AzureOpenAIServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKnowledgeAssistant"/>: the lexical one when the <c>AzureOpenAI</c> section
    /// has no endpoint, otherwise the hybrid one with its SDK client (created only then). The options are
    /// validated at start-up and the start-up log says which mode is active. Tests can supply the
    /// Entra ID credential as a keyed <see cref="TokenCredential"/> (<see cref="AzureOpenAIOptions.SectionName"/>).
    /// </summary>
    public static IServiceCollection AddKnowledgeAssistant(this IServiceCollection services)
    {
        services.AddOptions<AzureOpenAIOptions>()
            .BindConfiguration(AzureOpenAIOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureOpenAIOptions>, AzureOpenAIOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value);
        services.AddSingleton<IKnowledgeModel>(sp => new AzureOpenAIKnowledgeModel(
            sp.GetRequiredService<AzureOpenAIOptions>(),
            sp.GetKeyedService<TokenCredential>(AzureOpenAIOptions.SectionName)));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<AzureOpenAIOptions>();
            return new CircuitBreaker(options.CircuitBreaker.FailuresToOpen, options.CircuitBreaker.BreakDuration, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<AzureOpenAIGuard>();
        services.AddSingleton(sp => new AssistanceRateLimiter(sp.GetRequiredService<AzureOpenAIOptions>().RateLimits, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<KnowledgeEngine>();
            return PersonalDataRedactor.For(engine.Knowledge, engine.Index.StopWords);
        });
        services.AddSingleton(sp => new EntryEmbeddings(
            sp.GetRequiredService<KnowledgeEngine>().Knowledge,
            sp.GetRequiredService<IKnowledgeModel>(),
            sp.GetRequiredService<AzureOpenAIGuard>(),
            sp.GetRequiredService<AzureOpenAIOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EntryEmbeddings>>()));
        services.AddSingleton<HybridKnowledgeAssistant>();
        services.AddSingleton<IKnowledgeAssistant>(sp => sp.GetRequiredService<AzureOpenAIOptions>().IsConfigured
            ? sp.GetRequiredService<HybridKnowledgeAssistant>()
            : new LexicalKnowledgeAssistant(sp.GetRequiredService<IKnowledgeAnswerer>()));
        services.AddHostedService<KnowledgeAssistantStartup>();
        return services;
    }
}
