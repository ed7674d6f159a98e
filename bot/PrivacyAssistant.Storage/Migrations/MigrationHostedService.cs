using Microsoft.Extensions.Hosting;

namespace PrivacyAssistant.Storage.Migrations;

/// <summary>Migrates during start-up: the host does not serve requests on an old schema.</summary>
internal sealed class MigrationHostedService(MigrationRunner runner, StorageReadiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runner.ApplyAsync(cancellationToken);
            readiness.MarkReady();
        }
        catch (Exception exception)
        {
            readiness.MarkFailed(exception);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
