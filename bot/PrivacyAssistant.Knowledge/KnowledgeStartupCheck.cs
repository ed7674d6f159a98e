using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Knowledge;

/// <summary>Builds the knowledge engine while the host starts, so a broken folder stops start-up instead of the first question.</summary>
internal sealed partial class KnowledgeStartupCheck(KnowledgeEngine engine, ILogger<KnowledgeStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogLoaded(logger, engine.Knowledge.Entries.Count, engine.BreachIntents.Patterns.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded: {EntryCount} entries, {PatternCount} breach-intent patterns")]
    private static partial void LogLoaded(ILogger logger, int entryCount, int patternCount);
}
