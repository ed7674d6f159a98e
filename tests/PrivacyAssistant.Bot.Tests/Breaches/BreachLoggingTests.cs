using PrivacyAssistant.Testing.Breaches;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;

namespace PrivacyAssistant.Bot.Tests.Breaches;

/// <summary>Nothing personal reaches the logs, at any level, through the whole breach flow.</summary>
public sealed partial class BreachLoggingTests
{
    private const string Officer = "5e6f7a8b-0000-4000-8000-00000000beef";
    private const string ReporterName = "Femke van Reporterdijk";
    private const string Description = "Laptop met toetsuitslagen van klas 4C in bus 12 laten liggen";
    private const string Measures = "Wachtwoord gewijzigd en Karel van ICT gebeld";

    [Fact]
    public async Task WholeBreachFlow_LogsNoNamesIdsOrReportText()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?>
        {
            ["Breaches:Officers:0"] = Officer,
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });
        var form = BreachForms.Valid("s1", BreachHost.Day);
        form["description"] = Description;
        form["measures"] = Measures;
        var invalid = form.DeepClone().AsObject();
        invalid.Remove("kind");

        await Execute(host, "breach.submit", invalid, null);
        await Execute(host, "breach.submit", form, null);
        await Execute(host, "breach.submit", form, null);
        await connector.WaitForRequestsAsync(2);
        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 1);
        await host.SayAsync("meldingen", Officer);
        await host.SayAsync("mijn meldingen");
        await Execute(host, "breach.show", new JsonObject { ["reference"] = "DL-2026-0001" }, Officer);
        await Execute(host, "breach.decide.ap", new JsonObject { ["reference"] = "DL-2026-0001", ["apNotified"] = "no", ["apReason"] = "Versleuteld volgens Karel" }, Officer);
        var reply = (await host.SayAsync("register exporteren", Officer))[0]!["text"]!.GetValue<string>();
        var token = TokenPattern().Match(reply).Groups["token"].Value;
        using var download = await host.Client.GetAsync("/breaches/export.csv?token=" + token);

        Assert.True(download.IsSuccessStatusCode);
        Assert.NotEmpty(token);
        var logs = string.Join("\n", host.Logs.Lines);
        Assert.Contains("DL-2026-0001", logs); // reference numbers are what the logs are for
        // ASP.NET Core's own request log (Information, off in appsettings.json) does show the
        // short-lived download URL; the token in it is sealed, so it names nobody.
        foreach (var secret in new[]
        {
            ReporterName, "Reporterdijk", Description, "klas 4C", Measures, "Karel",
            TestActivities.UserAadObjectId, TestActivities.UserId, Officer,
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Officer))[..20],
        })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task Execute(BreachHost host, string verb, JsonObject data, string? aadObjectId)
    {
        var activity = TestActivities.Execute(verb, data.DeepClone().AsObject(), "card-1", "http://127.0.0.1:9/unused/", "nl-NL");
        BreachHost.SetUser(activity, aadObjectId);
        activity["from"]!["name"] = ReporterName;
        using var response = await host.Client.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode);
    }

    [GeneratedRegex(@"token=(?<token>[A-Za-z0-9_\-\.]+)")]
    private static partial Regex TokenPattern();
}
