using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Knowledge.Answering;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>Says at start-up whether Azure OpenAI is used, and starts loading the entry vectors in the background.</summary>
internal sealed partial class KnowledgeAssistantStartup(IServiceProvider services, AzureOpenAIOptions options, ILogger<KnowledgeAssistantStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var assistant = services.GetRequiredService<IKnowledgeAssistant>();
        if (!options.IsConfigured)
        {
            LogOff(logger);
            return Task.CompletedTask;
        }

        LogOn(logger, assistant.Mode, new Uri(options.Endpoint).Host);
        if (options.HybridRetrieval)
        {
            services.GetRequiredService<EntryEmbeddings>().WarmUpInBackground();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure OpenAI: off (no AzureOpenAI:Endpoint); answers come from the knowledge base alone and nothing is sent to the cloud")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure OpenAI: on at {Host}: {Mode}; questions are redacted before they are sent")]
    private static partial void LogOn(ILogger logger, string mode, string host);
}
