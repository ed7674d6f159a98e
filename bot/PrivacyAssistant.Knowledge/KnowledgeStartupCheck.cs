using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Knowledge;

/// <summary>Builds the knowledge engine while the host starts, so a broken folder stops start-up instead of the first question.</summary>
/// <remarks>
/// The build (loading the folder, the index) is most of start-up and needs nothing the other start-up
/// work does, so it begins on a pool thread as soon as the host creates its hosted services; the
/// migrations, the add-in policy check and the rest run beside it, and <see cref="StartAsync"/> waits
/// for it (rethrowing its error) before the host listens.
/// </remarks>
internal sealed partial class KnowledgeStartupCheck : IHostedService
{
    private readonly Task<KnowledgeEngine> _engine;
    private readonly ILogger<KnowledgeStartupCheck> _logger;

    public KnowledgeStartupCheck(IServiceProvider services, ILogger<KnowledgeStartupCheck> logger)
    {
        _engine = Task.Run(services.GetRequiredService<KnowledgeEngine>);
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = await _engine.WaitAsync(cancellationToken);
        LogLoaded(_logger, engine.Knowledge.Entries.Count, engine.BreachIntents.Patterns.Count);
        foreach (var warning in engine.Warnings)
        {
            LogWarning(_logger, warning.File, warning.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded: {EntryCount} entries, {PatternCount} breach-intent patterns")]
    private static partial void LogLoaded(ILogger logger, int entryCount, int patternCount);

    // File names and the knowledge folder's own words only; no message text.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge folder warning: {File}: {Warning}")]
    private static partial void LogWarning(ILogger logger, string file, string warning);
}
