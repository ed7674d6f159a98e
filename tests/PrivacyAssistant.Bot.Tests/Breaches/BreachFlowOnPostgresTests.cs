using PrivacyAssistant.Storage;
using PrivacyAssistant.Testing.Breaches;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Bot.Tests.Breaches;

/// <summary>The reporter's flow through <c>/api/messages</c> with the register on PostgreSQL (the production option for several instances).</summary>
[UsesPostgres]
public sealed class BreachFlowOnPostgresTests
{
    [StorageFact]
    public async Task ExecuteSubmit_OnPostgres_StoresOnceEvenWhenPressedConcurrentlyAndConfirms()
    {
        await using var host = await BreachHost.StartAsync(provider: StorageProvider.Postgres);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.ExecuteAsync("breach.submit", BreachForms.Valid("pg-1", BreachHost.Day))));
        var invalid = BreachForms.Valid("pg-2", BreachHost.Day);
        invalid.Remove("description");
        var refused = await host.ExecuteAsync("breach.submit", invalid);

        Assert.All(responses, response => Assert.Contains("DL-2026-0001", response["value"]!.ToJsonString()));
        Assert.Contains("Beschrijf kort wat er gebeurd is.", refused["value"]!.ToJsonString());
        var stored = Assert.Single(await host.Register.ListAllAsync());
        Assert.Equal("Laptop in de trein laten liggen.", stored.Description);
        Assert.Single(await host.OutboxAsync());
    }
}
