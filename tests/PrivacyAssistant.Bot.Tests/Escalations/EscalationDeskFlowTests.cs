using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Bot.Tests.Breaches;
using PrivacyAssistant.Bot.Tests.Support;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Retention;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;
using PrivacyAssistant.Testing.Cards;

namespace PrivacyAssistant.Bot.Tests.Escalations;

/// <summary>
/// The privacy desk answers a forwarded question in Teams, through <c>/api/messages</c> of the real
/// host: the officer's list, the answer reaching the asker as a proactive message through the fake
/// Bot Connector (once, also on replays), closing, authorisation, the desk's Teams alert, retention.
/// </summary>
public sealed class EscalationDeskFlowTests
{
    private const string Officer = "5e6f7a8b-0000-4000-8000-00000000beef";
    private const string Asker = "Femke van Vraagdijk";
    private const string Question = "Mag ik de *cijfers* van 3B in de groepsapp delen? Zie www.klassenapp.example";
    private const string Answer = "Nee: deel cijfers alleen via Magister, nooit in een groepsapp.";

    /// <summary>The outbox is dispatched by the test, on the fake clock (no background retries).</summary>
    private static readonly Dictionary<string, string?> ManualDispatch = new() { ["Notifications:Outbox:DispatcherEnabled"] = "false" };

    [Fact]
    public async Task Officer_AnswersAForwardedQuestion_TheAskerGetsItInTeamsInTheirLanguage_Once()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync();
        await EscalateAsync(host, connector, lang: "en", contact: true);

        var list = BreachHost.CardOf((await host.SayAsync("vragen", Officer))[0]!);
        AdaptiveCardSchema.AssertValid(list);
        var listed = list.ToJsonString();
        Assert.Contains("VR-2026-0001", listed, StringComparison.Ordinal);
        Assert.Contains("10-03-2026", listed, StringComparison.Ordinal);
        Assert.Contains("Engels", listed, StringComparison.Ordinal);
        // The question is shown literally: Markdown and the link are escaped.
        Assert.Contains(@"Mag ik de \\*cijfers\\* van 3B", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("Zie www.klassenapp", listed, StringComparison.Ordinal);
        Assert.Contains(Asker, listed, StringComparison.Ordinal);
        Assert.Contains("answer-VR-2026-0001", listed, StringComparison.Ordinal);

        var answered = await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);

        Assert.Contains("Antwoord op VR-2026-0001 is verstuurd", answered["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("answer-VR-2026-0001", answered["value"]!.ToJsonString(), StringComparison.Ordinal);
        await WaitUntilDeliveredAsync(host);
        var send = Assert.Single(Sends(connector));
        Assert.Contains(TestActivities.ConversationId, Uri.UnescapeDataString(send.RawTarget), StringComparison.Ordinal);
        var card = send.FirstAttachmentContent!;
        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal("en", send.Body!["locale"]!.GetValue<string>());
        Assert.Contains("Answer from the privacy desk", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(Answer, card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("VR-2026-0001", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Officer, send.Body!.ToJsonString(), StringComparison.Ordinal);

        // A replay (double press, client retry) and the reminder list: nothing is sent again.
        var replay = await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);
        var after = (await host.SayAsync("questions", Officer))[0]!;

        Assert.Contains("VR-2026-0001 was al beantwoord", replay["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("There are no open questions.", BreachHost.CardOf(after).ToJsonString(), StringComparison.Ordinal);
        Assert.Single(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
        await Task.Delay(200);
        Assert.Single(Sends(connector));

        var stored = await host.Factory.Services.GetRequiredService<IKnowledgeFeedbackStore>().FindEscalationAsync(1);
        Assert.Equal((EscalationStatus.Answered, Answer, false), (stored!.Status, stored.Answer, stored.CanReply));
        var row = await RowAsync(host, "SELECT reply_to, handled_by FROM knowledge_escalations WHERE id = 1");
        Assert.Equal((DBNull.Value, (object)Officer), (row[0], row[1]));
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("cijfers", StringComparison.Ordinal) || line.Contains("Magister", StringComparison.Ordinal) || line.Contains("Vraagdijk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DutchQuestion_AnsweredFromAnEnglishOfficerList_ReachesTheAskerInDutch()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync();
        await EscalateAsync(host, connector, lang: "nl", contact: false, locale: "en-US");

        var list = BreachHost.CardOf((await host.SayAsync("open questions", Officer, "en-US"))[0]!);
        var answered = await host.ExecuteAsync("faq.desk.answer", AnswerData(lang: "en"), Officer, "nl-NL");

        Assert.Contains("Forwarded questions", list.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Asker, list.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("The answer to VR-2026-0001 was sent to the asker.", answered["value"]!.ToJsonString(), StringComparison.Ordinal);
        await WaitUntilDeliveredAsync(host);
        var card = Assert.Single(Sends(connector)).FirstAttachmentContent!.ToJsonString();
        Assert.Contains("Antwoord van de privacydesk", card, StringComparison.Ordinal);
        Assert.Contains("Je vraag", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonOfficer_CannotListAnswerOrClose_AndLearnsNothing()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync();
        await EscalateAsync(host, connector, lang: "nl", contact: true);

        var list = await host.SayAsync("vragen", "someone-else");
        var answer = await host.ExecuteAsync("faq.desk.answer", AnswerData(), "someone-else");
        var close = await host.ExecuteAsync("faq.desk.close", new JsonObject { ["reference"] = "VR-2026-0001", ["lang"] = "nl" }, "someone-else");
        var listVerb = await host.ExecuteAsync("faq.desk.list", new JsonObject { ["lang"] = "en" }, "someone-else");

        const string Refusal = "Doorgestuurde vragen zijn alleen voor de privacyfunctionarissen. Wil je zelf iets vragen? Typ je vraag gewoon in de chat.";
        Assert.Equal(Refusal, list[0]!["text"]!.GetValue<string>());
        Assert.Equal(Refusal, answer["value"]!.GetValue<string>());
        Assert.Equal(Refusal, close["value"]!.GetValue<string>());
        Assert.StartsWith("Forwarded questions are for the privacy officers only.", listVerb["value"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var response in new[] { list.ToJsonString(), answer.ToJsonString(), close.ToJsonString() })
        {
            Assert.DoesNotContain("cijfers", response, StringComparison.Ordinal);
            Assert.DoesNotContain("VR-2026-0001", response, StringComparison.Ordinal);
        }

        var stored = await host.Factory.Services.GetRequiredService<IKnowledgeFeedbackStore>().FindEscalationAsync(1);
        Assert.Equal((EscalationStatus.Open, true), (stored!.Status, stored.CanReply));
        Assert.DoesNotContain(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
    }

    [Fact]
    public async Task EmptyAnswer_ComesBackMarked_KeepsOtherTypedAnswers_AndSendsNothing()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync();
        await EscalateAsync(host, connector, lang: "nl", contact: false);
        await EscalateAsync(host, connector, lang: "nl", contact: false);

        var data = new JsonObject { ["reference"] = "VR-2026-0001", ["lang"] = "nl", ["answer-VR-2026-0001"] = "  ", ["answer-VR-2026-0002"] = "Half getypt" };
        var response = await host.ExecuteAsync("faq.desk.answer", data, Officer);

        var card = (JsonObject)response["value"]!;
        AdaptiveCardSchema.AssertValid(card);
        Assert.Contains("Typ eerst een antwoord", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Half getypt", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, (await host.Factory.Services.GetRequiredService<IKnowledgeFeedbackStore>().ListOpenEscalationsAsync()).Count);
        Assert.DoesNotContain(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
    }

    [Fact]
    public async Task Officer_ClosesWithoutAnswer_NothingIsSent_TheReplyAddressIsForgotten_AndAnsweringLaterSendsNothing()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync();
        await EscalateAsync(host, connector, lang: "nl", contact: false);
        Assert.NotEqual(DBNull.Value, (await RowAsync(host, "SELECT reply_to FROM knowledge_escalations WHERE id = 1"))[0]);

        var wrongYear = await host.ExecuteAsync("faq.desk.close", new JsonObject { ["reference"] = "VR-2025-0001", ["lang"] = "nl" }, Officer);
        Assert.Contains("Vraag VR-2025-0001 bestaat niet (meer).", wrongYear["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("VR-2026-0001", wrongYear["value"]!.ToJsonString(), StringComparison.Ordinal);

        var closed = await host.ExecuteAsync("faq.desk.close", new JsonObject { ["reference"] = "VR-2026-0001", ["lang"] = "nl" }, Officer);
        var late = await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);

        Assert.Contains("VR-2026-0001 is gesloten zonder antwoord.", closed["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Er staan geen open vragen.", closed["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("VR-2026-0001 was al gesloten", late["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(DBNull.Value, (await RowAsync(host, "SELECT reply_to FROM knowledge_escalations WHERE id = 1"))[0]);
        Assert.Equal("closed", (await RowAsync(host, "SELECT status FROM knowledge_escalations WHERE id = 1"))[0]);
        Assert.DoesNotContain(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
        await Task.Delay(200);
        Assert.Empty(Sends(connector));
    }

    [Fact]
    public async Task NewEscalation_AlertsTheDeskInTeams_WithoutTheQuestion_AndTheAlertOpensTheList()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });

        await EscalateAsync(host, connector, lang: "en", contact: true);

        await WaitUntilDeliveredAsync(host);
        var outbox = await host.OutboxAsync();
        Assert.Equal(["mail", "teams"], outbox.Select(entry => entry.Channel).Order());
        var create = Assert.Single(connector.Requests, request => request.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(Officer, create.Body!["members"]![0]!["id"]!.GetValue<string>());
        var alert = Assert.Single(Sends(connector)).FirstAttachmentContent!;
        AdaptiveCardSchema.AssertValid(alert);
        Assert.Contains("Nieuwe doorgestuurde vraag VR-2026-0001", alert.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Engels", alert.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("faq.desk.list", alert.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cijfers", alert.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Asker, alert.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("cijfers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retention_RemovesForwardedQuestionsWithTheirAnswersAndReplyAddresses_After180Days()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync();
        await EscalateAsync(host, connector, lang: "nl", contact: true);
        await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);
        host.Clock.Advance(TimeSpan.FromDays(100));
        await EscalateAsync(host, connector, lang: "nl", contact: false);
        var purger = host.Factory.Services.GetRequiredService<RetentionPurger>();

        host.Clock.Advance(TimeSpan.FromDays(81));
        await purger.PurgeAsync();

        var store = host.Factory.Services.GetRequiredService<IKnowledgeFeedbackStore>();
        Assert.Null(await store.FindEscalationAsync(1));
        var open = Assert.Single(await store.ListOpenEscalationsAsync());
        Assert.Equal(("VR-2026-0002", true), (open.Reference, open.CanReply));
        Assert.Equal(1L, Convert.ToInt64((await RowAsync(host, "SELECT COUNT(*) FROM knowledge_escalations"))[0], System.Globalization.CultureInfo.InvariantCulture));

        host.Clock.Advance(TimeSpan.FromDays(100));
        await purger.PurgeAsync();

        Assert.Empty(await store.ListOpenEscalationsAsync());
        Assert.Equal(0L, Convert.ToInt64((await RowAsync(host, "SELECT COUNT(*) FROM knowledge_escalations"))[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnswerTeamsKeepsRefusing_AfterTheRetryWindow_ComesBackOnTheDeskList_AsNotDelivered_AndCanBeSettled()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync(ManualDispatch);
        await EscalateAsync(host, connector, lang: "nl", contact: true);
        connector.Enqueue(System.Net.HttpStatusCode.InternalServerError, times: 1000);

        var answered = await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);
        Assert.Contains("Kan Teams het niet bezorgen, dan komt de vraag hier terug.", answered["value"]!.ToJsonString(), StringComparison.Ordinal);
        var dispatcher = host.Factory.Services.GetRequiredService<OutboxDispatcher>();

        // Within the retry window the answer is still on its way: not back on the list.
        await dispatcher.DispatchDueAsync();
        host.Clock.Advance(TimeSpan.FromDays(6));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await host.OutboxAsync(), entry => entry.Channel == "teams-reply").Status);
        Assert.Contains("Er staan geen open vragen.", BreachHost.CardOf((await host.SayAsync("vragen", Officer))[0]!).ToJsonString(), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromDays(2));
        await dispatcher.DispatchDueAsync();

        var reply = Assert.Single(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
        Assert.Equal((OutboxStatus.Abandoned, 3), (reply.Status, reply.Attempts));
        Assert.Equal(3, Sends(connector).Count());
        Assert.Equal("undelivered", (await RowAsync(host, "SELECT status FROM knowledge_escalations WHERE id = 1"))[0]);
        var list = BreachHost.CardOf((await host.SayAsync("vragen", Officer))[0]!);
        AdaptiveCardSchema.AssertValid(list);
        var listed = list.ToJsonString();
        Assert.Contains("VR-2026-0001", listed, StringComparison.Ordinal);
        Assert.Contains("**Niet bezorgd:**", listed, StringComparison.Ordinal);
        Assert.Contains($"Neem zelf contact op met {Asker}", listed, StringComparison.Ordinal);
        Assert.Contains(Answer, listed, StringComparison.Ordinal);
        Assert.Contains("Afgehandeld", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("answer-VR-2026-0001", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("faq.desk.answer", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("Sluiten zonder antwoord", listed, StringComparison.Ordinal);

        // Answering again sends nothing; settling keeps the answer and who gave it, and empties the list.
        var again = await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);
        Assert.Contains("VR-2026-0001 was al beantwoord, maar dat antwoord kon niet worden bezorgd", again["value"]!.ToJsonString(), StringComparison.Ordinal);
        var settled = await host.ExecuteAsync("faq.desk.close", new JsonObject { ["reference"] = "VR-2026-0001", ["lang"] = "nl" }, Officer);

        Assert.Contains("VR-2026-0001 is afgehandeld.", settled["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Er staan geen open vragen.", settled["value"]!.ToJsonString(), StringComparison.Ordinal);
        var row = await RowAsync(host, "SELECT status, answer, handled_by, reply_to FROM knowledge_escalations WHERE id = 1");
        Assert.Equal(("closed", (object)Answer, (object)Officer, (object)DBNull.Value), (row[0], row[1], row[2], row[3]));
        Assert.Single(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("cijfers", StringComparison.Ordinal) || line.Contains("Magister", StringComparison.Ordinal) || line.Contains("Vraagdijk", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, line => line.Contains("VR-2026-0001 could not be delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskerBlockedTheBot_TheAnswerIsGivenUpAtOnce_AndAnAnonymousQuestionSaysTheDeskCannotPassItOn()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync(ManualDispatch);
        await EscalateAsync(host, connector, lang: "en", contact: false);
        connector.Enqueue(System.Net.HttpStatusCode.Forbidden, errorCode: "MessageWritesBlocked");
        await host.ExecuteAsync("faq.desk.answer", AnswerData(lang: "en"), Officer);

        await host.Factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var reply = Assert.Single(await host.OutboxAsync(), entry => entry.Channel == "teams-reply");
        Assert.Equal((OutboxStatus.Abandoned, 1, "teams-reply-403-MessageWritesBlocked"), (reply.Status, reply.Attempts, reply.LastError));
        var list = BreachHost.CardOf((await host.SayAsync("questions", Officer, "en-US"))[0]!);
        AdaptiveCardSchema.AssertValid(list);
        Assert.Contains("**Not delivered:**", list.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("The asker left no name", list.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Asker, list.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"Done\"", list.ToJsonString(), StringComparison.Ordinal);

        // The desk's mail says so in the asker's language.
        await host.Factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        var mail = host.Graph.SentMail.Last();
        Assert.Equal("Answer to VR-2026-0001 not delivered", mail.Subject);
        Assert.Contains("The asker left no name", mail.HtmlContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndeliveredAnswer_AlertsTheDeskByMailAndInTeams_WithoutTheQuestionTheAnswerOrTheName()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Outbox:DispatcherEnabled"] = "false",
            ["Notifications:Teams:Enabled"] = "true",
            ["Notifications:Teams:ServiceUrl"] = connector.ServiceUrl,
            ["Notifications:Teams:TenantId"] = TestActivities.TenantId,
        });
        await EscalateAsync(host, connector, lang: "nl", contact: true);
        var dispatcher = host.Factory.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchDueAsync();
        Assert.Single(host.Graph.SentMail);
        connector.Enqueue(System.Net.HttpStatusCode.Forbidden, errorCode: "MessageWritesBlocked");
        await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);

        await dispatcher.DispatchDueAsync();
        var queued = (await host.OutboxAsync()).Where(entry => entry.Type == IEscalationNotificationComposer.UndeliveredType).ToList();
        await dispatcher.DispatchDueAsync();

        Assert.Equal(["mail", "teams"], queued.Select(entry => entry.Channel).Order());
        Assert.All(queued, entry => Assert.Equal("VR-2026-0001", entry.Correlation));
        Assert.All((await host.OutboxAsync()).Where(entry => entry.Type == IEscalationNotificationComposer.UndeliveredType), entry => Assert.Equal(OutboxStatus.Delivered, entry.Status));
        var mail = host.Graph.SentMail.Last();
        Assert.Equal("Antwoord op VR-2026-0001 niet bezorgd", mail.Subject);
        Assert.Equal(["privacy@school.example"], mail.To);
        Assert.Contains("De vraagsteller wilde contact", mail.HtmlContent, StringComparison.Ordinal);
        var alert = Sends(connector).Last().FirstAttachmentContent!;
        AdaptiveCardSchema.AssertValid(alert);
        Assert.Contains("Antwoord op VR-2026-0001 niet bezorgd", alert.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("faq.desk.list", alert.ToJsonString(), StringComparison.Ordinal);
        foreach (var text in new[] { mail.HtmlContent, alert.ToJsonString() })
        {
            Assert.DoesNotContain(Asker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("cijfers", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Magister", text, StringComparison.Ordinal);
        }

        // One alert per channel, not one per delivery attempt.
        Assert.Equal(2, (await host.OutboxAsync()).Count(entry => entry.Type == IEscalationNotificationComposer.UndeliveredType));
    }

    [Fact]
    public async Task AnswerDeliveredOnARetry_NeverComesBackOnTheDeskList()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var host = await StartAsync(ManualDispatch);
        await EscalateAsync(host, connector, lang: "nl", contact: true);
        connector.Enqueue(System.Net.HttpStatusCode.InternalServerError);
        await host.ExecuteAsync("faq.desk.answer", AnswerData(), Officer);
        var dispatcher = host.Factory.Services.GetRequiredService<OutboxDispatcher>();

        await dispatcher.DispatchDueAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.DispatchDueAsync();

        Assert.Equal(OutboxStatus.Delivered, Assert.Single(await host.OutboxAsync(), entry => entry.Channel == "teams-reply").Status);
        Assert.Equal("answered", (await RowAsync(host, "SELECT status FROM knowledge_escalations WHERE id = 1"))[0]);
        Assert.Contains("Er staan geen open vragen.", BreachHost.CardOf((await host.SayAsync("vragen", Officer))[0]!).ToJsonString(), StringComparison.Ordinal);
    }

    private static Task<BreachHost> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Breaches:Officers:0"] = Officer };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return BreachHost.StartAsync(settings);
    }

    private static JsonObject AnswerData(string lang = "nl") => new()
    {
        ["reference"] = "VR-2026-0001",
        ["lang"] = lang,
        ["answer-VR-2026-0001"] = Answer,
    };

    /// <summary>The asker presses "Vraag doorsturen" on the not-sure card (consent ticked) in a conversation served by the fake connector.</summary>
    private static async Task EscalateAsync(BreachHost host, FakeBotConnector connector, string lang, bool contact, string locale = "nl-NL")
    {
        var data = new JsonObject
        {
            ["question"] = Question,
            ["bestEntryId"] = "",
            ["lang"] = lang,
            ["consent"] = "true",
            ["contact"] = contact ? "true" : "false",
        };
        var activity = TestActivities.Execute("faq.escalate", data, "card-1", connector.ServiceUrl, locale);
        activity["from"]!["name"] = Asker;
        using var response = await host.Client.PostActivityAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("VR-2026-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IEnumerable<RecordedRequest> Sends(FakeBotConnector connector) =>
        connector.Requests.Where(request => request.Method == "POST" && request.RawTarget.EndsWith("/activities", StringComparison.Ordinal));

    private static async Task WaitUntilDeliveredAsync(BreachHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await host.OutboxAsync()).Any(entry => entry.Status != OutboxStatus.Delivered))
        {
            await Task.Delay(25, timeout.Token);
        }
    }

    private static async Task<object[]> RowAsync(BreachHost host, string sql)
    {
        await using var connection = await host.Factory.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
