using PrivacyAssistant.Testing.Breaches;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;
using PrivacyAssistant.Testing.Cards;

namespace PrivacyAssistant.Bot.Tests.Breaches;

/// <summary>Officers and reporters working with the register through the bot, on a fake clock.</summary>
public sealed partial class BreachRegisterFlowTests
{
    private const string Officer = "5e6f7a8b-0000-4000-8000-00000000beef";
    private static readonly Dictionary<string, string?> WithOfficer = new() { ["Breaches:Officers:0"] = Officer };

    [Fact]
    public async Task NonOfficer_AskingForTheRegister_GetsAPoliteRefusalAndNoReportData()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day), aadObjectId: "someone-else");

        var replies = await host.SayAsync("meldingen");
        var show = await host.ExecuteAsync("breach.show", new JsonObject { ["reference"] = "DL-2026-0001" });
        var decide = await host.ExecuteAsync("breach.decide.ap", new JsonObject { ["reference"] = "DL-2026-0001", ["apNotified"] = "no", ["apReason"] = "x" });

        Assert.Contains("alleen voor de privacyfunctionarissen", replies[0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("DL-2026-0001", replies.ToJsonString());
        Assert.Equal("application/vnd.microsoft.activity.message", show["type"]!.GetValue<string>());
        Assert.DoesNotContain("Laptop", show.ToJsonString());
        Assert.DoesNotContain("DL-2026-0001", decide.ToJsonString());
        Assert.Null((await host.Register.FindAsync("DL-2026-0001"))!.ApNotified);
    }

    [Fact]
    public async Task Officer_SeesTheCountdownComputedFromDiscovery()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));

        // Discovered 09:15 local (08:15Z); deadline 13 March 08:15Z. Now 10 March 12:00Z → 68.25 h left.
        var early = (await host.SayAsync("meldingen", Officer)).ToJsonString();
        host.Clock.Advance(TimeSpan.FromHours(48));
        var late = (await host.SayAsync("meldingen", Officer)).ToJsonString();
        host.Clock.Advance(TimeSpan.FromHours(21));
        var past = (await host.SayAsync("meldingen", Officer)).ToJsonString();

        Assert.Contains("DL-2026-0001", early);
        Assert.Contains("nog 69 uur", early);
        Assert.Contains("nog 21 uur", late);
        Assert.Contains("termijn verstreken", past);
    }

    [Fact]
    public async Task Reporter_SeesOnlyTheirOwnReports()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("a", BreachHost.Day));
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("b", BreachHost.Day), aadObjectId: "colleague");

        var mine = (await host.SayAsync("mijn meldingen")).ToJsonString();
        var own = await host.ExecuteAsync("breach.show", new JsonObject { ["reference"] = "DL-2026-0001" });
        var other = await host.ExecuteAsync("breach.show", new JsonObject { ["reference"] = "DL-2026-0002" });

        Assert.Contains("DL-2026-0001", mine);
        Assert.DoesNotContain("DL-2026-0002", mine);
        Assert.Contains("Laptop in de trein laten liggen.", own["value"]!.ToJsonString());
        Assert.DoesNotContain("breach.decide", own["value"]!.ToJsonString());
        Assert.Equal("Je kunt alleen je eigen meldingen bekijken.", other["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Officer_RecordsTheDecisionsAndClosesTheReport()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));
        var reference = new JsonObject { ["reference"] = "DL-2026-0001" };

        var missingReason = await host.ExecuteAsync("breach.decide.ap", With(reference, ("apNotified", "no")), Officer);
        var early = await host.ExecuteAsync("breach.close", reference.DeepClone().AsObject(), Officer);
        await host.ExecuteAsync("breach.decide.ap", With(reference, ("apNotified", "yes"), ("apNotifiedDate", "2026-03-10"), ("apReference", "M-2026-42")), Officer);
        await host.ExecuteAsync("breach.decide.subjects", With(reference, ("subjectsInformed", "no"), ("subjectsReason", "Geen hoog risico")), Officer);
        await host.ExecuteAsync("breach.decide.measures", With(reference, ("consequences", "Mogelijk inzage"), ("remedialActions", "Op afstand gewist")), Officer);
        var closed = await host.ExecuteAsync("breach.close", reference.DeepClone().AsObject(), Officer);

        Assert.Contains("Geef een reden.", missingReason["value"]!.ToJsonString());
        Assert.Contains("Leg eerst dit besluit vast.", early["value"]!.ToJsonString());
        Assert.Contains("Melding afgesloten.", closed["value"]!.ToJsonString());
        var report = (await host.Register.FindAsync("DL-2026-0001"))!;
        Assert.True(report.ApNotified);
        Assert.Equal("M-2026-42", report.ApReference);
        Assert.Equal(host.Clock.GetUtcNow(), report.ApNotifiedAt);
        Assert.False(report.SubjectsInformed);
        Assert.Equal("Op afstand gewist", report.RemedialActions);
        Assert.NotNull(report.ClosedAt);
        Assert.Equal(["ap", "subjects", "measures", "close"], (await host.Register.ListDecisionsAsync("DL-2026-0001")).Select(entry => entry.Decision));
    }

    [Fact]
    public async Task Officer_GivingTheTimeOfTheApNotification_IsJudgedAgainstTheDeadlineToTheMinute()
    {
        // Discovered 10 March 09:15 (08:15Z); deadline 13 March 09:15 at school. Now 14 March.
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s2", BreachHost.Day));
        host.Clock.Advance(TimeSpan.FromDays(4));

        var onTime = await host.ExecuteAsync("breach.decide.ap", With(new JsonObject { ["reference"] = "DL-2026-0001" }, ("apNotified", "yes"), ("apNotifiedDate", "2026-03-13"), ("apNotifiedTime", "09:00")), Officer);
        var late = await host.ExecuteAsync("breach.decide.ap", With(new JsonObject { ["reference"] = "DL-2026-0002" }, ("apNotified", "yes"), ("apNotifiedDate", "2026-03-13"), ("apNotifiedTime", "09:30")), Officer);

        Assert.DoesNotContain("Gemeld na de termijn", onTime["value"]!.ToJsonString());
        Assert.Equal(DateTimeOffset.Parse("2026-03-13T08:00:00Z"), (await host.Register.FindAsync("DL-2026-0001"))!.ApNotifiedAt);
        Assert.Contains("\"09:00\"", onTime["value"]!.ToJsonString());
        Assert.Contains("Gemeld na de termijn van 72 uur", late["value"]!.ToJsonString());
        Assert.Null((await host.Register.FindAsync("DL-2026-0002"))!.ApNotified);
    }

    [Fact]
    public async Task Officer_GivingATimeWithoutADateOrAnInvalidTime_IsToldWhichField_AndNothingIsStored()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));
        var reference = new JsonObject { ["reference"] = "DL-2026-0001" };

        var timeOnly = await host.ExecuteAsync("breach.decide.ap", With(reference, ("apNotified", "yes"), ("apNotifiedTime", "09:00")), Officer);
        var badTime = await host.ExecuteAsync("breach.decide.ap", With(reference, ("apNotified", "yes"), ("apNotifiedDate", "2026-03-10"), ("apNotifiedTime", "25:61")), Officer);
        var longReference = await host.ExecuteAsync("breach.decide.ap", With(reference, ("apNotified", "yes"), ("apReference", new string('7', 101))), Officer);

        Assert.Contains("Dit veld is verplicht.", timeOnly["value"]!.ToJsonString());
        Assert.Contains("Vul een geldige tijd in", badTime["value"]!.ToJsonString());
        Assert.Contains("maximaal 100 tekens", longReference["value"]!.ToJsonString());
        Assert.Null((await host.Register.FindAsync("DL-2026-0001"))!.ApNotified);
    }

    [Fact]
    public async Task Officer_ExportsTheRegisterThroughAShortLivedLink()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));

        var refused = await host.SayAsync("register exporteren");
        var reply = (await host.SayAsync("register exporteren", Officer))[0]!["text"]!.GetValue<string>();
        var url = LinkPattern().Match(reply).Groups["url"].Value;
        var path = new Uri(url).PathAndQuery;

        using var download = await host.Client.GetAsync(path);
        var csv = await download.Content.ReadAsStringAsync();
        using var tampered = await host.Client.GetAsync(path[..^3] + "AAA");
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        using var expired = await host.Client.GetAsync(path);

        Assert.Contains("alleen voor de privacyfunctionarissen", refused[0]!["text"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("DL-2026-0001;", csv);
        Assert.Contains("Laptop in de trein laten liggen.", csv);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task NewReport_IsSentToTheOfficersInTeamsThroughCreateConversation()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?>
        {
            ["Breaches:Officers:0"] = Officer,
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });

        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));

        var requests = await connector.WaitForRequestsAsync(2);
        var create = requests.Single(request => request.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal("POST", create.Method);
        Assert.Equal(Officer, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TestActivities.TenantId, create.Body!["tenantId"]!.GetValue<string>());
        var send = requests.Single(request => request.RawTarget.EndsWith("/activities", StringComparison.Ordinal));
        var card = send.FirstAttachmentContent!.ToJsonString();
        Assert.Contains("Nieuwe datalekmelding DL-2026-0001", card);
        Assert.Contains("breach.show", card);
        Assert.DoesNotContain("Laptop in de trein", card);
    }

    [Fact]
    public async Task TeamsAlert_WhenTheConnectorFailsForAWhile_IsDeliveredByTheOutboxRetries()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        // 503 is not retried by the connector client itself: each failure is one outbox attempt,
        // rescheduled with backoff on the (fake) clock.
        connector.Enqueue(HttpStatusCode.ServiceUnavailable, times: 3);
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?>
        {
            ["Breaches:Officers:0"] = Officer,
            ["Notifications:Mail:Enabled"] = "false",
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });

        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!connector.Requests.Any(request => request.RawTarget.EndsWith("/activities", StringComparison.Ordinal)))
        {
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await Task.Delay(50, timeout.Token);
        }

        var entry = Assert.Single(await host.OutboxAsync());
        while (entry.Status != OutboxStatus.Delivered)
        {
            await Task.Delay(50, timeout.Token);
            entry = Assert.Single(await host.OutboxAsync());
        }


        Assert.Equal("teams", entry.Channel);
        Assert.Equal(4, entry.Attempts);
        Assert.Equal(4, connector.Requests.Count(request => request.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal)));
        Assert.Single(connector.Requests, request => request.RawTarget.EndsWith("/activities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsAlert_OfficerBlockedTheBot_IsGivenUpAtOnce_AndTheDeskStillGetsTheMail()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        connector.Enqueue(HttpStatusCode.Forbidden, errorCode: "MessageWritesBlocked");
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?>
        {
            ["Breaches:Officers:0"] = Officer,
            ["Notifications:Outbox:DispatcherEnabled"] = "false",
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));

        await host.Factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var outbox = await host.OutboxAsync();
        var teams = Assert.Single(outbox, entry => entry.Channel == "teams");
        Assert.Equal((OutboxStatus.Abandoned, 1, "teams-403-MessageWritesBlocked"), (teams.Status, teams.Attempts, teams.LastError));
        Assert.Equal(OutboxStatus.Delivered, Assert.Single(outbox, entry => entry.Channel == "mail").Status);
        Assert.Contains("DL-2026-0001", Assert.Single(host.Graph.SentMail).Subject);
        Assert.Single(connector.Requests);
        Assert.Contains(host.Logs.Lines, line => line.Contains("abandoned", StringComparison.Ordinal) && line.Contains("DL-2026-0001", StringComparison.Ordinal) && line.Contains("teams-403-MessageWritesBlocked", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(Officer, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ReportWithoutDecisionAfter48Hours_IsFlaggedToTheOfficersOnce()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?>
        {
            ["Breaches:Officers:0"] = Officer,
            ["Breaches:OverdueMonitorEnabled"] = "true",
            ["Breaches:OverdueCheckInterval"] = "00:15:00",
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));
        await connector.WaitForRequestsAsync(2);

        // Discovered 08:15Z; the warning is due at 12 March 08:15Z. Jumping 48 h fires the monitor's next check.
        host.Clock.Advance(TimeSpan.FromHours(48));

        await BreachReportFlowTests.WaitFor(() => connector.Requests.Count >= 4);
        var alert = connector.Requests.Last(request => request.RawTarget.EndsWith("/activities", StringComparison.Ordinal));
        Assert.Contains("Let op: DL-2026-0001 heeft nog geen besluit", alert.FirstAttachmentContent!.ToJsonString());
        Assert.NotNull((await host.Register.FindAsync("DL-2026-0001"))!.FlaggedAt);
        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 2);
        Assert.Contains("nog zonder besluit", host.Graph.SentMail[1].Subject);
    }

    [Fact]
    public async Task Officer_CorrectingTheDiscoveryTime_MovesTheDeadlineInTheRegisterTheCardAndTheExport()
    {
        // Reported as discovered on Tuesday 10 March 09:15; the laptop was in fact missed on Friday 6 March 16:30.
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", LostSinceThursday());
        var before = (await host.Register.FindAsync("DL-2026-0001"))!.DiscoveredAt;

        var saved = await host.ExecuteAsync("breach.decide.discovery", With(new JsonObject { ["reference"] = "DL-2026-0001" }, ("discoveryDate", "2026-03-06"), ("discoveryTime", "16:30"), ("discoveryReason", "Laptop vrijdag al gemist, maandag pas gemeld.")), Officer);

        var card = BreachHost.CardOf(saved);
        AdaptiveCardSchema.AssertValid(card);
        var json = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Besluit opgeslagen.", json);
        Assert.Contains("ontdekkingstijd gecorrigeerd: di 10 mrt 2026 09:15 → vr 6 mrt 2026 16:30", json);
        var report = (await host.Register.FindAsync("DL-2026-0001"))!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-06T15:30:00Z"), report.DiscoveredAt);
        Assert.Equal(DateTimeOffset.Parse("2026-03-09T15:30:00Z"), report.Deadline);
        Assert.Contains("termijn verstreken", (await host.SayAsync("meldingen", Officer)).ToJsonString());
        var entry = Assert.Single(await host.Register.ListDecisionsAsync("DL-2026-0001"));
        Assert.Equal(("discovery", Officer), (entry.Decision, entry.Officer.Id));
        Assert.Contains(before.ToString("O", System.Globalization.CultureInfo.InvariantCulture)[..19], entry.Details);

        var reply = (await host.SayAsync("register exporteren", Officer))[0]!["text"]!.GetValue<string>();
        using var download = await host.Client.GetAsync(new Uri(LinkPattern().Match(reply).Groups["url"].Value).PathAndQuery);
        var csv = await download.Content.ReadAsStringAsync();
        Assert.Contains(";2026-03-06 16:30;2026-03-09 16:30;", csv);
    }

    [Fact]
    public async Task Officer_CorrectingTheDiscoveryWithADateOnly_CountsFromTheStartOfThatDayAtSchool()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", LostSinceThursday());

        await host.ExecuteAsync("breach.decide.discovery", With(new JsonObject { ["reference"] = "DL-2026-0001" }, ("discoveryDate", "2026-03-09"), ("discoveryReason", "Verkeerde dag ingevuld.")), Officer);

        // 00:00 at school (CET) is 23:00Z the day before: the deadline is never later than from the true moment.
        Assert.Equal(DateTimeOffset.Parse("2026-03-08T23:00:00Z"), (await host.Register.FindAsync("DL-2026-0001"))!.DiscoveredAt);
    }

    [Fact]
    public async Task Officer_GivingAHalfFilledOrFutureDiscoveryCorrection_IsToldWhichField_AndNothingIsStored()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", LostSinceThursday());
        var reference = new JsonObject { ["reference"] = "DL-2026-0001" };
        var before = (await host.Register.FindAsync("DL-2026-0001"))!.DiscoveredAt;

        var timeOnly = await host.ExecuteAsync("breach.decide.discovery", With(reference, ("discoveryTime", "09:00"), ("discoveryReason", "Typfout.")), Officer);
        var noReason = await host.ExecuteAsync("breach.decide.discovery", With(reference, ("discoveryDate", "2026-03-06")), Officer);
        var badTime = await host.ExecuteAsync("breach.decide.discovery", With(reference, ("discoveryDate", "2026-03-06"), ("discoveryTime", "25:61"), ("discoveryReason", "Typfout.")), Officer);
        var future = await host.ExecuteAsync("breach.decide.discovery", With(reference, ("discoveryDate", "2026-03-11"), ("discoveryReason", "Typfout.")), Officer);
        var english = await host.ExecuteAsync("breach.decide.discovery", With(reference, ("discoveryDate", "2026-03-06")), Officer, locale: "en-GB");
        var beforeItHappened = await host.ExecuteAsync("breach.decide.discovery", With(reference, ("discoveryDate", "2026-03-04"), ("discoveryReason", "Typfout.")), Officer);

        foreach (var card in new[] { timeOnly, noReason, badTime, future, english, beforeItHappened })
        {
            AdaptiveCardSchema.AssertValid(BreachHost.CardOf(card));
        }

        Assert.Contains("Dit veld is verplicht.", timeOnly["value"]!.ToJsonString());
        Assert.Contains("\"09:00\"", timeOnly["value"]!.ToJsonString());
        Assert.Contains("Geef een reden.", noReason["value"]!.ToJsonString());
        Assert.Contains("Vul een geldige tijd in", badTime["value"]!.ToJsonString());
        Assert.Contains("Dit tijdstip ligt in de toekomst.", future["value"]!.ToJsonString());
        Assert.Contains("Give a reason.", english["value"]!.ToJsonString());
        Assert.Contains("volgens de melding gebeurde; kies een later tijdstip.", beforeItHappened["value"]!.ToJsonString());
        Assert.Equal(before, (await host.Register.FindAsync("DL-2026-0001"))!.DiscoveredAt);
        Assert.Empty(await host.Register.ListDecisionsAsync("DL-2026-0001"));
    }

    [Fact]
    public async Task DiscoveryCorrection_ByANonOfficerOrOnAClosedReport_IsRefused()
    {
        await using var host = await BreachHost.StartAsync(WithOfficer);
        await host.ExecuteAsync("breach.submit", LostSinceThursday());
        var reference = new JsonObject { ["reference"] = "DL-2026-0001" };
        var correction = With(reference, ("discoveryDate", "2026-03-06"), ("discoveryReason", "Vrijdag al gemist."));
        var before = (await host.Register.FindAsync("DL-2026-0001"))!.DiscoveredAt;

        var byReporter = await host.ExecuteAsync("breach.decide.discovery", correction.DeepClone().AsObject());
        await host.ExecuteAsync("breach.decide.ap", With(reference, ("apNotified", "no"), ("apReason", "Versleuteld")), Officer);
        await host.ExecuteAsync("breach.decide.subjects", With(reference, ("subjectsInformed", "no"), ("subjectsReason", "Geen risico")), Officer);
        await host.ExecuteAsync("breach.decide.measures", With(reference, ("remedialActions", "Gewist")), Officer);
        await host.ExecuteAsync("breach.close", reference.DeepClone().AsObject(), Officer);
        var onClosed = await host.ExecuteAsync("breach.decide.discovery", correction.DeepClone().AsObject(), Officer);

        Assert.Contains("alleen voor de privacyfunctionarissen", byReporter.ToJsonString());
        Assert.Contains("Deze melding is al afgesloten.", onClosed["value"]!.ToJsonString());
        Assert.Equal(before, (await host.Register.FindAsync("DL-2026-0001"))!.DiscoveredAt);
        Assert.DoesNotContain("discovery", (await host.Register.ListDecisionsAsync("DL-2026-0001")).Select(entry => entry.Decision));
    }

    [Fact]
    public async Task DiscoveryCorrectionPastTheWarningPoint_IsFlaggedToTheOfficersByTheNextCheck()
    {
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?>
        {
            ["Breaches:Officers:0"] = Officer,
            ["Breaches:OverdueMonitorEnabled"] = "true",
            ["Breaches:OverdueCheckInterval"] = "00:15:00",
        });
        await host.ExecuteAsync("breach.submit", LostSinceThursday());

        // Now 10 March 12:00Z; discovered in fact on Sunday 8 March 10:00 at school (09:00Z): 51 hours ago.
        await host.ExecuteAsync("breach.decide.discovery", With(new JsonObject { ["reference"] = "DL-2026-0001" }, ("discoveryDate", "2026-03-08"), ("discoveryTime", "10:00"), ("discoveryReason", "Zondag al gemist.")), Officer);
        Assert.Null((await host.Register.FindAsync("DL-2026-0001"))!.FlaggedAt);
        host.Clock.Advance(TimeSpan.FromMinutes(15));

        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 2);
        Assert.Contains("nog zonder besluit", host.Graph.SentMail[1].Subject);
        Assert.NotNull((await host.Register.FindAsync("DL-2026-0001"))!.FlaggedAt);
    }

    /// <summary>The valid report, but the laptop went missing on Thursday 5 March: an officer may move the discovery back to any moment since.</summary>
    private static JsonObject LostSinceThursday()
    {
        var form = BreachForms.Valid("s1", BreachHost.Day);
        form["occurredDate"] = "2026-03-05";
        return form;
    }

    private static JsonObject With(JsonObject baseData, params (string Key, string Value)[] values)
    {
        var data = baseData.DeepClone().AsObject();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return data;
    }

    [GeneratedRegex(@"\((?<url>https?://[^)]+)\)")]
    private static partial Regex LinkPattern();
}
