using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Bot.Tests.Breaches;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.Bot.Tests.Knowledge;

/// <summary>
/// "Vraag doorsturen" on the "Dat weet ik niet zeker" card, through <c>/api/messages</c> of the real
/// host: the escalation reaches the privacy desk as one Graph mail (real SDK, fake Graph on loopback).
/// </summary>
public sealed class EscalationNotificationFlowTests
{
    private const string Asker = "Femke van Vraagdijk";
    private const string Question = "Mag ik de <b>cijfers</b> & namen van 3B in de groepsapp delen?";

    [Fact]
    public async Task Escalate_WithConsentAndContact_MailsTheDeskOnce_WithReferenceQuestionAndName_HtmlEncoded()
    {
        await using var host = await BreachHost.StartAsync();

        var response = await EscalateAsync(host, consent: true, contact: true);

        Assert.Contains("VR-2026-0001", response["value"]!.ToJsonString(), StringComparison.Ordinal);
        var entry = Assert.Single(await host.OutboxAsync());
        Assert.Equal(("mail", EscalationMailComposer.Type, "VR-2026-0001"), (entry.Channel, entry.Type, entry.Correlation));
        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 1);
        await WaitUntilDeliveredAsync(host);
        var mail = Assert.Single(host.Graph.SentMail);
        Assert.Equal(["privacy@school.example"], mail.To);
        Assert.Equal("privacy-bot@school.example", mail.Mailbox);
        Assert.Equal("html", mail.ContentKind, ignoreCase: true);
        Assert.Contains("VR-2026-0001", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("cijfers", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("VR-2026-0001", mail.HtmlContent, StringComparison.Ordinal);
        Assert.Contains("Mag ik de &lt;b&gt;cijfers&lt;/b&gt; &amp; namen van 3B in de groepsapp delen?", mail.HtmlContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>cijfers</b>", mail.HtmlContent, StringComparison.Ordinal);
        Assert.Contains(Asker, mail.HtmlContent, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("cijfers", StringComparison.OrdinalIgnoreCase) || line.Contains("Vraagdijk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalate_WithConsentWithoutContact_MailsTheQuestionWithoutTheAskersName()
    {
        await using var host = await BreachHost.StartAsync();

        await EscalateAsync(host, consent: true, contact: false);

        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 1);
        var mail = Assert.Single(host.Graph.SentMail);
        Assert.Contains("&lt;b&gt;cijfers&lt;/b&gt;", mail.HtmlContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vraagdijk", mail.HtmlContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Femke", mail.HtmlContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_WithoutConsent_StoresNothing_AndSendsNothing()
    {
        await using var host = await BreachHost.StartAsync();

        var response = await EscalateAsync(host, consent: false, contact: true);

        Assert.DoesNotContain("VR-", response["value"]!.ToJsonString(), StringComparison.Ordinal);
        var feedback = host.Factory.Services.GetRequiredService<IKnowledgeFeedbackStore>();
        Assert.Empty((await feedback.SummarizeAsync(BreachHost.Start.AddDays(-1))).OpenEscalations);
        Assert.Empty(await host.OutboxAsync());
        Assert.Equal(0, host.Graph.RequestCount);
    }

    [Fact]
    public async Task Escalate_FromAnEnglishCard_MailsTheDeskInEnglish_EvenWithADutchLocale()
    {
        await using var host = await BreachHost.StartAsync();

        await EscalateAsync(host, consent: true, contact: false, lang: "en");

        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 1);
        var mail = Assert.Single(host.Graph.SentMail);
        Assert.Equal("Question forwarded VR-2026-0001 via Privacy Assistant", mail.Subject);
        Assert.Contains("<b>Question</b>", mail.HtmlContent, StringComparison.Ordinal);
        Assert.Contains("<td>English</td>", mail.HtmlContent, StringComparison.Ordinal);
        Assert.Contains("Not requested: the asker stays anonymous.", mail.HtmlContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vraagsteller", mail.HtmlContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;b&gt;cijfers&lt;/b&gt;", mail.HtmlContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_FromADutchCard_MailsTheDeskInDutch_EvenWithThePlaygroundsEnglishLocale()
    {
        await using var host = await BreachHost.StartAsync();

        await EscalateAsync(host, consent: true, contact: true, lang: "nl", locale: "en-US");

        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 1);
        var mail = Assert.Single(host.Graph.SentMail);
        Assert.Equal("Vraag doorgestuurd VR-2026-0001 via Privacy Assistant", mail.Subject);
        Assert.Contains("<td>Nederlands</td>", mail.HtmlContent, StringComparison.Ordinal);
        Assert.Contains(Asker + " wil graag contact", mail.HtmlContent, StringComparison.Ordinal);
    }

    private static async Task WaitUntilDeliveredAsync(BreachHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await host.OutboxAsync()).Any(entry => entry.Status != OutboxStatus.Delivered))
        {
            await Task.Delay(25, timeout.Token);
        }
    }

    private static async Task<JsonObject> EscalateAsync(BreachHost host, bool consent, bool contact, string? lang = null, string locale = "nl-NL")
    {
        var data = new JsonObject
        {
            ["question"] = Question,
            ["bestEntryId"] = "",
            ["consent"] = consent ? "true" : "false",
            ["contact"] = contact ? "true" : "false",
        };
        if (lang is not null)
        {
            data["lang"] = lang;
        }

        var activity = TestActivities.Execute("faq.escalate", data, "card-1", "http://127.0.0.1:9/unused/", locale);
        activity["from"]!["name"] = Asker;
        using var response = await host.Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        return body;
    }
}
