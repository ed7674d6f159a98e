using PrivacyAssistant.Testing.Breaches;
using System.Text.Json.Nodes;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;

namespace PrivacyAssistant.Bot.Tests.Breaches;

/// <summary>The reporter's flow through <c>/api/messages</c>, in both card action forms.</summary>
public sealed class BreachReportFlowTests
{
    [Fact]
    public async Task DatalekMelden_ShowsTheFormWithAFreshSubmissionId()
    {
        await using var host = await BreachHost.StartAsync();

        var replies = await host.SayAsync("datalek melden");

        var card = BreachHost.CardOf(Assert.Single(replies)!);
        Assert.Equal("Datalek melden", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(card["actions"]![0]!["data"]!["submissionId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ReportADataBreach_InEnglish_ShowsTheEnglishForm()
    {
        await using var host = await BreachHost.StartAsync();

        var card = BreachHost.CardOf((await host.SayAsync("report a data breach", locale: "en-US"))[0]!);

        Assert.Equal("Report a data breach", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task BreachStart_WithKind_ReplacesTheCardWithThePreselectedForm()
    {
        await using var host = await BreachHost.StartAsync();

        var response = await host.ExecuteAsync("breach.start", new JsonObject { ["kind"] = "usb-stick" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Contains("\"value\":\"usb-stick\"", response["value"]!.ToJsonString());
    }

    [Fact]
    public async Task ExecuteSubmit_Valid_StoresThenConfirmsWithTheReferenceAndNotifiesTheDesk()
    {
        await using var host = await BreachHost.StartAsync();

        var response = await host.ExecuteAsync("breach.submit", BreachForms.Valid("sub-1", BreachHost.Day));

        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        var json = response["value"]!.ToJsonString();
        Assert.Contains("DL-2026-0001", json);
        Assert.Contains("op afstand blokkeren of wissen", json);
        var stored = Assert.Single(await host.Register.ListAllAsync());
        Assert.Equal("DL-2026-0001", stored.Reference);
        Assert.Equal(TestActivities.UserAadObjectId, stored.Reporter.Id);
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T08:15:00Z"), stored.DiscoveredAt);
        Assert.Equal(["breach.reported"], (await host.OutboxAsync()).Select(entry => entry.Type));
        await WaitFor(() => host.Graph.SentMail.Count == 1);
        Assert.Contains("DL-2026-0001", host.Graph.SentMail[0].Subject);
    }

    [Fact]
    public async Task ExecuteSubmit_Invalid_ReturnsTheFormWithProblemsAndStoresNothing()
    {
        await using var host = await BreachHost.StartAsync();
        var form = BreachForms.Valid("sub-1", BreachHost.Day);
        form.Remove("groups");
        form["discoveredTime"] = "23:00";

        var response = await host.ExecuteAsync("breach.submit", form);

        var json = response["value"]!.ToJsonString();
        Assert.Contains("Dit veld is verplicht.", json);
        Assert.Contains("Dit tijdstip ligt in de toekomst.", json);
        Assert.Contains("Laptop in de trein laten liggen.", json);
        Assert.Contains("\"submissionId\":\"sub-1\"", json);
        Assert.Empty(await host.Register.ListAllAsync());
        Assert.Empty(await host.OutboxAsync());
    }

    [Fact]
    public async Task ExecuteSubmit_Replayed_CreatesOneReportAndConfirmsTheSameReference()
    {
        await using var host = await BreachHost.StartAsync();

        var first = await host.ExecuteAsync("breach.submit", BreachForms.Valid("sub-1", BreachHost.Day));
        var again = await host.ExecuteAsync("breach.submit", BreachForms.Valid("sub-1", BreachHost.Day));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.ExecuteAsync("breach.submit", BreachForms.Valid("sub-2", BreachHost.Day))));

        Assert.Contains("DL-2026-0001", first["value"]!.ToJsonString());
        Assert.Contains("DL-2026-0001", again["value"]!.ToJsonString());
        Assert.All(concurrent, response => Assert.Contains("DL-2026-0002", response["value"]!.ToJsonString()));
        Assert.Equal(2, (await host.Register.ListAllAsync()).Count);
        Assert.Equal(2, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task ActionSubmit_Valid_UpdatesTheCardThroughTheConnectorAndAReplayStoresNothingNew()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BreachHost.StartAsync();
        var value = BreachForms.Valid("sub-9", BreachHost.Day);
        value["verb"] = "breach.submit";
        var activity = TestActivities.Submit(value, "card-activity-1", connector.ServiceUrl);

        using (var response = await host.Client.PostActivityAsync(activity))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        var update = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.Contains("card-activity-1", update.RawTarget);
        Assert.Contains("DL-2026-0001", update.FirstAttachmentContent!.ToJsonString());

        using (var replay = await host.Client.PostActivityAsync(activity))
        {
            Assert.True(replay.IsSuccessStatusCode);
        }

        Assert.Single(await host.Register.ListAllAsync());
    }

    [Fact]
    public async Task ActionSubmit_Invalid_ShowsTheProblemsAndStoresNothing()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BreachHost.StartAsync();
        var value = new JsonObject { ["verb"] = "breach.submit", ["submissionId"] = "sub-3", ["kind"] = "ransomware" };

        using var response = await host.Client.PostActivityAsync(TestActivities.Submit(value, "card-activity-2", connector.ServiceUrl));

        var update = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Contains("Beschrijf kort wat er gebeurd is.", update.FirstAttachmentContent!.ToJsonString());
        Assert.Contains("\"value\":\"ransomware\"", update.FirstAttachmentContent!.ToJsonString());
        Assert.Empty(await host.Register.ListAllAsync());
    }

    internal static async Task WaitFor(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(25, timeout.Token);
        }
    }
}
