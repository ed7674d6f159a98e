using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Knowledge.Retrieval;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Retention;

namespace PrivacyAssistant.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the knowledge base and the answerer. The folder is loaded and validated when the
    /// host starts: a broken knowledge file stops start-up with a message naming the file.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(KnowledgeEngine)))
        {
            return services;
        }

        services.AddOptions<SchoolOptions>()
            .BindConfiguration(SchoolOptions.SectionName)
            .Validate(SchoolOptionsValidation.IsValid, SchoolOptionsValidation.Message)
            .ValidateOnStart();
        AddKnowledgeOptions(services);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var school = sp.GetRequiredService<IOptions<SchoolOptions>>().Value;
            return KnowledgeEngine.Create(KnowledgeFolder.Resolve(options.Path), school, options);
        });
        services.AddSingleton(sp => sp.GetRequiredService<KnowledgeEngine>().Knowledge);
        services.AddSingleton<IRetriever>(sp => sp.GetRequiredService<KnowledgeEngine>().Retriever);
        services.AddSingleton(sp => sp.GetRequiredService<KnowledgeEngine>().Answerer);
        services.AddHostedService<KnowledgeStartupCheck>();
        return services;
    }

    /// <summary>
    /// Registers the feedback store (👍/👎, daily counts per decision, escalations) with its tables
    /// and retention rules on the shared database (see docs/data-retention.md). An escalation notifies
    /// the privacy desk through the notifications outbox (mail when <c>Notifications:Mail:Enabled</c>).
    /// </summary>
    public static IServiceCollection AddKnowledgeFeedback(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IKnowledgeFeedbackStore)))
        {
            return services;
        }

        services.AddStorage();
        services.AddNotifications();
        services.AddMigrations(KnowledgeMigrations.Feature, KnowledgeMigrations.All);
        foreach (var rule in KnowledgeRetention.Rules)
        {
            services.AddRetentionRule(rule);
        }

        AddKnowledgeOptions(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IEscalationNotificationComposer, EscalationMailComposer>();
        services.AddSingleton<IKnowledgeFeedbackStore, SqlKnowledgeFeedbackStore>();
        services.AddOutboxAbandonedHandler<UndeliveredAnswerHandler>();
        services.AddHostedService<QuestionCountFlusher>();
        return services;
    }

    /// <summary>
    /// Binds and validates the <c>Knowledge</c> section once, whichever of <see cref="AddKnowledge"/>
    /// and <see cref="AddKnowledgeFeedback"/> runs first: validators registered twice would report a
    /// bad value twice.
    /// </summary>
    private static void AddKnowledgeOptions(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(KnowledgeOptionsRegistered)))
        {
            return;
        }

        services.AddSingleton<KnowledgeOptionsRegistered>();
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.NoneThreshold <= o.AnswerThreshold, "Knowledge:NoneThreshold must not be above Knowledge:AnswerThreshold.")
            .ValidateOnStart();
    }

    /// <summary>Marks that <see cref="AddKnowledgeOptions"/> ran.</summary>
    private sealed class KnowledgeOptionsRegistered;
}
