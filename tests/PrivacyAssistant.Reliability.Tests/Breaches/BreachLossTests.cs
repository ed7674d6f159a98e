using PrivacyAssistant.Testing.Breaches;
using System.Collections.Concurrent;
using PrivacyAssistant.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace PrivacyAssistant.Reliability.Tests.Breaches;

/// <summary>
/// Breach reports through <c>/api/messages</c> of the host process (SQLite, fake Graph): under
/// concurrent load, with replays, and with the process killed (SIGKILL) in the middle. A report the
/// submitter saw confirmed is never lost, no report is stored twice, every desk mail goes out once.
/// </summary>
public sealed class BreachLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BreachBotEnvironment environment = null!;

    public async Task InitializeAsync() => environment = await BreachBotEnvironment.StartAsync();

    public async Task DisposeAsync() => await environment.DisposeAsync();

    [Fact]
    public async Task LoadWithoutLoss_500ConcurrentReportsAndTheirReplays_StoreExactly500WithUniqueReferencesAndMailEachOnce()
    {
        const int reports = 500;
        await using var bot = await environment.StartBotAsync();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

        var first = await Task.WhenAll(Enumerable.Range(0, reports).Select(i =>
            BreachBotEnvironment.SubmitAsync(client, i, BreachForms.Valid($"load-{i}", BreachForms.YesterdayAtSchool()))));

        Assert.All(first, reference => Assert.NotNull(reference));
        Assert.Equal(reports, first.Distinct().Count());
        Assert.Equal(reports, (await environment.StoredReferencesAsync()).Count);

        // Every request replayed twice at once (double press, channel retry): the same confirmation, nothing new stored.
        var replays = await Task.WhenAll(Enumerable.Range(0, reports * 2).Select(n =>
            BreachBotEnvironment.SubmitAsync(client, n % reports, BreachForms.Valid($"load-{n % reports}", BreachForms.YesterdayAtSchool()))));

        Assert.Equal(first.Concat(first), replays);
        var stored = await environment.StoredReferencesAsync();
        Assert.Equal(reports, stored.Count);
        Assert.Equal(first.Order(), stored.Order());

        Assert.True(await environment.WaitUntilAsync(() => environment.Graph.SentMail.Count >= reports, TimeSpan.FromSeconds(120)), $"only {environment.Graph.SentMail.Count} mails");
        await Task.Delay(1000);
        Assert.Equal(first.Order(), environment.MailedReferences().Order());
        Assert.False(bot.HasExited);
    }

    [Fact]
    public async Task CrashWithoutLoss_HostKilledWhileReportsArrive_EveryConfirmedReportIsStoredAndMailedOnceAfterRestart()
    {
        const int reports = 300;
        var confirmed = new ConcurrentDictionary<int, string>();

        // Graph holds every request, so at the kill nothing has been delivered and some deliveries are mid-flight.
        environment.Graph.Hold();
        var crashed = await environment.StartBotAsync();
        using (var client = new HttpClient { BaseAddress = crashed.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            var submitting = Parallel.ForEachAsync(
                Enumerable.Range(0, reports),
                new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (i, cancellationToken) =>
                {
                    try
                    {
                        if (await BreachBotEnvironment.SubmitAsync(client, i, BreachForms.Valid($"crash-{i}", BreachForms.YesterdayAtSchool()), cancellationToken) is { } reference)
                        {
                            confirmed[i] = reference;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The process died under this request: not confirmed.
                    }
                });

            Assert.True(await environment.WaitUntilAsync(() => confirmed.Count >= 60 || submitting.IsCompleted, TimeSpan.FromSeconds(120)));
            await crashed.KillAsync();
            await submitting;
        }

        await crashed.DisposeAsync();
        var confirmedBeforeCrash = confirmed.ToDictionary();
        output.WriteLine($"{confirmedBeforeCrash.Count} of {reports} reports confirmed before SIGKILL; {(await environment.StoredReferencesAsync()).Count} in the database");
        Assert.InRange(confirmedBeforeCrash.Count, 1, reports - 1);
        Assert.Empty(environment.Graph.SentMail);

        // Restart on the same database; Graph is back.
        environment.Graph.Release();
        await using var restarted = await environment.StartBotAsync();
        var stored = await environment.StoredReferencesAsync();
        Assert.Subset(stored.ToHashSet(), confirmedBeforeCrash.Values.ToHashSet());
        Assert.True(
            await environment.WaitUntilAsync(() => confirmedBeforeCrash.Values.All(environment.MailedReferences().Contains), TimeSpan.FromSeconds(120)),
            "not every confirmed report was mailed after the restart:\n" + restarted.Output);

        // Submitters whose request died retry; those who were confirmed may press again. Still one report each.
        using var retryClient = new HttpClient { BaseAddress = restarted.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var retried = await Task.WhenAll(Enumerable.Range(0, reports).Select(i =>
            BreachBotEnvironment.SubmitAsync(retryClient, i, BreachForms.Valid($"crash-{i}", BreachForms.YesterdayAtSchool()))));

        Assert.All(retried, reference => Assert.NotNull(reference));
        Assert.All(confirmedBeforeCrash, pair => Assert.Equal(pair.Value, retried[pair.Key]));
        var final = await environment.StoredReferencesAsync();
        Assert.Equal(reports, final.Count);
        Assert.Equal(retried.Order(), final.Order());
        Assert.True(await environment.WaitUntilAsync(() => environment.Graph.SentMail.Count >= reports, TimeSpan.FromSeconds(120)), $"only {environment.Graph.SentMail.Count} mails");
        await Task.Delay(1000);
        Assert.Equal(final.Order(), environment.MailedReferences().Order());
    }
}
