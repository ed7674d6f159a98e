using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Retention;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Breaches.Tests.Register;

/// <summary>The register's contract, run against SQLite and PostgreSQL.</summary>
public abstract class BreachRegisterContract(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(BreachesTestHost.Now);
    private TestDatabase database = null!;
    private FakeGraphServer graph = null!;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        graph = await FakeGraphServer.StartAsync();
        host = await BreachesTestHost.StartAsync(database, clock, new Dictionary<string, string?>
        {
            ["Notifications:Mail:Enabled"] = "true",
            ["Notifications:Mail:Mailbox"] = "privacy-bot@school.example",
            ["Notifications:Mail:To:0"] = "privacy@school.example",
            ["Notifications:Mail:GraphBaseUrl"] = graph.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await graph.DisposeAsync();
        await database.DisposeAsync();
    }

    private IBreachRegister Register => host.Services.GetRequiredService<IBreachRegister>();

    [StorageFact]
    public async Task Submit_NewReports_GetConsecutiveReferencesAndTheDeadlineFromDiscovery()
    {
        var discovered = clock.GetUtcNow().AddHours(-3);

        var first = await Register.SubmitAsync(BreachesTestHost.Report(discovered), "key-1");
        var second = await Register.SubmitAsync(BreachesTestHost.Report(discovered), "key-2");

        Assert.True(first.Created);
        Assert.Equal("DL-2026-0001", first.Report.Reference);
        Assert.Equal("DL-2026-0002", second.Report.Reference);
        Assert.Equal(discovered.AddHours(72), first.Report.Deadline);
        Assert.Equal(clock.GetUtcNow(), first.Report.ReportedAt);
        var stored = await Register.FindAsync("DL-2026-0001");
        Assert.NotNull(stored);
        Assert.Equal(BreachesTestHost.Report(discovered).Categories, stored.Categories);
        Assert.Equal("Jan de Vries", stored.Reporter.Name);
    }

    [StorageFact]
    public async Task Submit_SameKeyAgain_ReturnsTheExistingReportAndNotifiesOnce()
    {
        var report = BreachesTestHost.Report(clock.GetUtcNow().AddHours(-1));

        var first = await Register.SubmitAsync(report, "same-key");
        var again = await Register.SubmitAsync(report, "same-key");

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Report.Reference, again.Report.Reference);
        Assert.Single(await Register.ListAllAsync());
        var outbox = await host.Services.GetRequiredService<OutboxDispatcher>().ListAsync();
        var mail = Assert.Single(outbox);
        Assert.Equal(("mail", "breach.reported", first.Report.Reference), (mail.Channel, mail.Type, mail.Correlation));
    }

    [StorageFact]
    public async Task Submit_UnauthorisedAccess_IsStoredUnderItsCodeAndMailedWithItsText()
    {
        var submitted = await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow().AddHours(-1), BreachKind.UnauthorisedAccess), "access-1");

        var stored = await Register.FindAsync(submitted.Report.Reference);
        Assert.Equal(BreachKind.UnauthorisedAccess, stored!.Kind);
        await using var connection = await database.NewFactory().OpenAsync();
        Assert.Equal("unauthorised-access", await connection.ExecuteScalarAsync<string>("SELECT kind FROM breach_reports"));
        var payload = await connection.ExecuteScalarAsync<string>("SELECT payload FROM notification_outbox WHERE type = 'breach.reported'");
        Assert.Contains("Onbevoegde toegang of gegevens zichtbaar voor anderen", payload);
    }

    [StorageFact]
    public async Task Submit_ReplayWhileAnotherWriterHoldsTheDatabase_ReturnsTheStoredReportWithoutWaiting()
    {
        var report = BreachesTestHost.Report(clock.GetUtcNow().AddHours(-1));
        var first = await Register.SubmitAsync(report, "pressed-twice");

        // Another writer (a new report, the outbox) holds the write lock; on SQLite that is the whole database.
        await using var writer = await database.NewFactory().OpenAsync();
        await using var tx = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync("UPDATE breach_reference_counters SET last_number = last_number", transaction: tx);

        var again = await Register.SubmitAsync(report, "pressed-twice").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(again.Created);
        Assert.Equal(first.Report.Reference, again.Report.Reference);
        await tx.RollbackAsync();
    }

    [StorageFact]
    public async Task Submit_ConcurrentlyFromSeveralInstances_NeverReusesAReference()
    {
        var report = BreachesTestHost.Report(clock.GetUtcNow().AddHours(-1));
        var registers = Enumerable.Range(0, 3).Select(_ => NewInstanceRegister()).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => registers[i % registers.Count].SubmitAsync(report, $"key-{i}"))));

        var references = results.Select(result => result.Report.Reference).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 24).Select(n => $"DL-2026-{n:0000}"), references);
    }

    [StorageFact]
    public async Task Submit_SameKeyConcurrently_CreatesExactlyOneReport()
    {
        var report = BreachesTestHost.Report(clock.GetUtcNow().AddHours(-1));
        var registers = Enumerable.Range(0, 3).Select(_ => NewInstanceRegister()).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 9).Select(i =>
            Task.Run(() => registers[i % registers.Count].SubmitAsync(report, "double-click"))));

        Assert.Single(results, result => result.Created);
        Assert.Single(results.Select(result => result.Report.Reference).Distinct());
        Assert.Single(await Register.ListAllAsync());
        Assert.Single(await host.Services.GetRequiredService<OutboxDispatcher>().ListAsync());

        // The number given back by the losers is used by the next report: no gaps, no reuse.
        Assert.Equal("DL-2026-0002", (await Register.SubmitAsync(report, "next")).Report.Reference);
    }

    [StorageFact]
    public async Task Submit_InANewYear_StartsAtOneAgain()
    {
        await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow()), "a");
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-01T00:30:00+01:00"));

        var next = await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow()), "b");

        Assert.Equal("DL-2027-0001", next.Report.Reference);
    }

    [StorageFact]
    public async Task Retention_PurgesClosedReportsAfterFiveYearsAndKeepsOpenOnes()
    {
        var closed = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow()), "old")).Report;
        var open = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow()), "open")).Report;
        await CloseAsync(closed.Reference);

        clock.Advance(TimeSpan.FromDays(365 * 5 - 2));
        await host.Services.GetRequiredService<RetentionPurger>().PurgeAsync();
        Assert.NotNull(await Register.FindAsync(closed.Reference));

        clock.Advance(TimeSpan.FromDays(5));
        await host.Services.GetRequiredService<RetentionPurger>().PurgeAsync();
        Assert.Null(await Register.FindAsync(closed.Reference));
        Assert.NotNull(await Register.FindAsync(open.Reference));
        Assert.Empty(await Register.ListDecisionsAsync(closed.Reference));
    }

    [StorageFact]
    public async Task RecordDecision_StoresTheRegisterFieldsAndAnAuditTrail()
    {
        var reference = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow().AddHours(-5)), "k")).Report.Reference;
        var officer = new Officer("officer-1", "Fatima Bakker");

        var notNotified = await Register.RecordDecisionAsync(reference, new ApDecision(false, null, null, null), officer);
        Assert.Equal([new FieldProblem(DecisionFields.ApReason, "reason-required")], notNotified.Problems);

        await Register.RecordDecisionAsync(reference, new ApDecision(true, clock.GetUtcNow().AddHours(-1), "M-12345", null), officer);
        await Register.RecordDecisionAsync(reference, new SubjectsDecision(false, "Versleuteld; geen hoog risico."), officer);
        var measures = await Register.RecordDecisionAsync(reference, new MeasuresDecision("Mogelijk inzage in cijfers.", "Apparaat op afstand gewist."), officer);

        var report = measures.Report!;
        Assert.True(report.ApNotified);
        Assert.Equal(clock.GetUtcNow().AddHours(-1), report.ApNotifiedAt);
        Assert.Equal("M-12345", report.ApReference);
        Assert.False(report.SubjectsInformed);
        Assert.Equal("Versleuteld; geen hoog risico.", report.SubjectsReason);
        Assert.Equal("Mogelijk inzage in cijfers.", report.Consequences);
        Assert.Equal("Apparaat op afstand gewist.", report.RemedialActions);
        var trail = await Register.ListDecisionsAsync(reference);
        Assert.Equal(["ap", "subjects", "measures"], trail.Select(entry => entry.Decision));
        Assert.All(trail, entry => Assert.Equal(officer, entry.Officer));
        Assert.Contains("M-12345", trail[0].Details);
    }

    [StorageFact]
    public async Task Close_NeedsTheDecisionsFirstAndThenFreezesTheReport()
    {
        var reference = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow()), "k")).Report.Reference;
        var officer = new Officer("officer-1", "Fatima Bakker");

        var early = await Register.RecordDecisionAsync(reference, new CloseDecision(), officer);
        Assert.Equal(
            [DecisionFields.ApNotified, DecisionFields.SubjectsInformed, DecisionFields.RemedialActions],
            early.Problems.Select(problem => problem.Field));

        await CloseAsync(reference);
        Assert.Empty(await Register.ListOpenAsync());
        var afterClose = await Register.RecordDecisionAsync(reference, new SubjectsDecision(true, null), officer);
        Assert.Equal("already-closed", Assert.Single(afterClose.Problems).Code);
        Assert.Equal("not-found", Assert.Single((await Register.RecordDecisionAsync("DL-2026-9999", new CloseDecision(), officer)).Problems).Code);
    }

    [StorageFact]
    public async Task RecordDecision_WhileAnotherOfficerIsClosingTheReport_IsRefusedAsAlreadyClosed()
    {
        var reference = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow()), "k")).Report.Reference;
        var officer = new Officer("officer-1", "Fatima Bakker");
        await DecideAllAsync(reference, officer);

        // The other officer's close has written its row but not committed yet: the "read, about to
        // commit" moment of a concurrent close on another instance.
        await using var other = await database.NewFactory().OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await other.ExecuteAsync(
            "UPDATE breach_reports SET closed_at = 1, updated_at = 1 WHERE reference = @reference", new { reference }, tx);
        await other.ExecuteAsync(
            "INSERT INTO breach_decisions (report_id, decided_at, officer_id, officer_name, decision, details) SELECT id, 1, 'officer-2', 'Other', 'close', '{}' FROM breach_reports WHERE reference = @reference",
            new { reference },
            tx);

        var close = Task.Run(() => Register.RecordDecisionAsync(reference, new CloseDecision(), officer));
        var measures = Task.Run(() => Register.RecordDecisionAsync(reference, new MeasuresDecision(null, "Nog iets."), officer));
        await WaitUntilBlockedAsync(waiters: 2);
        await tx.CommitAsync();

        foreach (var refused in await Task.WhenAll(close, measures).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            Assert.Equal("already-closed", Assert.Single(refused.Problems).Code);
        }

        var trail = await Register.ListDecisionsAsync(reference);
        Assert.Equal(["ap", "subjects", "measures", "close"], trail.Select(entry => entry.Decision));
        Assert.Equal("officer-2", trail[^1].Officer.Id);
        Assert.Equal("Gewist.", (await Register.FindAsync(reference))!.RemedialActions);
    }

    [StorageFact]
    public async Task FlagOverdue_FlagsOpenUndecidedReportsOnceAfterTheWarningTime()
    {
        var old = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow().AddHours(-49)), "old")).Report;
        var decided = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow().AddHours(-50)), "decided")).Report;
        var recent = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow().AddHours(-47)), "recent")).Report;
        await Register.RecordDecisionAsync(decided.Reference, new ApDecision(false, null, null, "Versleuteld."), new Officer("officer-1", "F"));

        var flagged = await Register.FlagOverdueAsync(48);
        var again = await Register.FlagOverdueAsync(48);

        Assert.Equal([old.Reference], flagged.Select(report => report.Reference));
        Assert.Empty(again);
        Assert.Equal(clock.GetUtcNow(), (await Register.FindAsync(old.Reference))!.FlaggedAt);
        Assert.Null((await Register.FindAsync(recent.Reference))!.FlaggedAt);
        var overdueMail = (await host.Services.GetRequiredService<OutboxDispatcher>().ListAsync()).Where(entry => entry.Type == "breach.overdue");
        Assert.Equal(old.Reference, Assert.Single(overdueMail).Correlation);
    }

    [StorageFact]
    public async Task RecordDiscovery_MovesTheDeadlineAndKeepsTheOldAndNewTimeInTheTrail()
    {
        var reported = clock.GetUtcNow().AddHours(-2);
        var reference = (await Register.SubmitAsync(BreachesTestHost.Report(reported, occurredAt: clock.GetUtcNow().AddDays(-4)), "k")).Report.Reference;
        var officer = new Officer("officer-1", "Fatima Bakker");
        var missedOnFriday = clock.GetUtcNow().AddDays(-3);

        var result = await Register.RecordDecisionAsync(reference, new DiscoveryDecision(missedOnFriday, "Laptop vrijdag al gemist."), officer);

        Assert.True(result.Recorded);
        var stored = (await Register.FindAsync(reference))!;
        Assert.Equal(missedOnFriday, stored.DiscoveredAt);
        Assert.Equal(missedOnFriday.AddHours(72), stored.Deadline);
        Assert.Equal(missedOnFriday, Assert.Single(await Register.ListOpenAsync()).DiscoveredAt);
        var entry = Assert.Single(await Register.ListDecisionsAsync(reference));
        Assert.Equal(("discovery", officer, clock.GetUtcNow()), (entry.Decision, entry.Officer, entry.DecidedAt));
        var details = System.Text.Json.Nodes.JsonNode.Parse(entry.Details)!;
        Assert.Equal(reported, details["previousDiscoveredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(missedOnFriday, details["discoveredAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Laptop vrijdag al gemist.", details["reason"]!.GetValue<string>());
    }

    [StorageFact]
    public async Task RecordDiscovery_AFewMinutesAhead_IsStoredAsNowAndFurtherAheadOrBeforeTheBreachIsRefused()
    {
        var original = clock.GetUtcNow().AddHours(-2);
        var reference = (await Register.SubmitAsync(BreachesTestHost.Report(original), "k")).Report.Reference;
        var officer = new Officer("officer-1", "Fatima Bakker");

        var future = await Register.RecordDecisionAsync(reference, new DiscoveryDecision(clock.GetUtcNow().AddHours(1), "Typfout."), officer);
        var skew = await Register.RecordDecisionAsync(reference, new DiscoveryDecision(clock.GetUtcNow().AddMinutes(3), "Net ontdekt."), officer);

        var beforeItHappened = await Register.RecordDecisionAsync(reference, new DiscoveryDecision(original.AddHours(-3), "Typfout."), officer);

        Assert.Equal("in-future", Assert.Single(future.Problems).Code);
        Assert.Equal("discovered-before-occurred", Assert.Single(beforeItHappened.Problems).Code);
        Assert.Equal(clock.GetUtcNow(), skew.Report!.DiscoveredAt);
        Assert.Equal(["discovery"], (await Register.ListDecisionsAsync(reference)).Select(entry => entry.Decision));
    }

    [StorageFact]
    public async Task FlagOverdue_AfterADiscoveryCorrectionPastTheWarningPoint_WarnsOnceAndNotAgainAfterALaterCorrection()
    {
        var officer = new Officer("officer-1", "Fatima Bakker");
        var report = (await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow().AddHours(-2), occurredAt: clock.GetUtcNow().AddDays(-4)), "k")).Report;
        Assert.Empty(await Register.FlagOverdueAsync(48));

        // Missed on Friday, reported on Monday: the correction puts the report past the 48 hours.
        await Register.RecordDecisionAsync(report.Reference, new DiscoveryDecision(clock.GetUtcNow().AddHours(-60), "Vrijdag al gemist."), officer);
        var flagged = await Register.FlagOverdueAsync(48);

        // A second correction, earlier still, does not warn again: the report was already warned.
        await Register.RecordDecisionAsync(report.Reference, new DiscoveryDecision(clock.GetUtcNow().AddHours(-66), "Nog eerder."), officer);
        var again = await Register.FlagOverdueAsync(48);

        Assert.Equal([report.Reference], flagged.Select(entry => entry.Reference));
        Assert.Empty(again);
        Assert.Equal(clock.GetUtcNow(), (await Register.FindAsync(report.Reference))!.FlaggedAt);
        var overdue = (await host.Services.GetRequiredService<OutboxDispatcher>().ListAsync()).Where(entry => entry.Type == "breach.overdue");
        Assert.Equal(report.Reference, Assert.Single(overdue).Correlation);
    }

    [StorageFact]
    public async Task ListByReporter_ReturnsOnlyThatReportersReports()
    {
        await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow(), reporterId: "me"), "1");
        await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow(), reporterId: "someone-else"), "2");
        await Register.SubmitAsync(BreachesTestHost.Report(clock.GetUtcNow(), reporterId: "me"), "3");

        var mine = await Register.ListByReporterAsync("me");

        Assert.Equal(["DL-2026-0003", "DL-2026-0001"], mine.Select(report => report.Reference));
    }

    [StorageFact]
    public async Task Submit_MailToTheDesk_HasTheClockButNoDescriptionOrReporterName()
    {
        var result = await Register.SubmitAsync(
            BreachesTestHost.Report(DateTimeOffset.Parse("2026-03-10T08:15:00Z"), description: "Geheime beschrijving met namen"), "k");

        await host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var mail = Assert.Single(graph.SentMail);
        Assert.Contains(result.Report.Reference, mail.Subject);
        Assert.Contains("dinsdag 10 maart 2026 09:15", mail.HtmlContent);
        Assert.Contains("vrijdag 13 maart 2026 09:15", mail.HtmlContent);
        Assert.Contains("Laptop, telefoon of tablet kwijt of gestolen", mail.HtmlContent);
        Assert.Contains("datalek DL-2026-0001", mail.HtmlContent);
        Assert.DoesNotContain("Geheime beschrijving", mail.HtmlContent);
        Assert.DoesNotContain("Jan de Vries", mail.HtmlContent);
        Assert.DoesNotContain("Wachtwoord gewijzigd", mail.HtmlContent);
    }

    [StorageFact]
    public async Task SubmitAndDecide_TextWithANulCharacter_IsStoredWithoutIt()
    {
        // PostgreSQL refuses U+0000 in text; a pasted or crafted NUL must not cost the report.
        var report = BreachesTestHost.Report(clock.GetUtcNow(), description: "Laptop\0 kwijt.") with { Measures = "Gewist\0." };

        var stored = (await Register.SubmitAsync(report, "nul")).Report;
        var decided = await Register.RecordDecisionAsync(stored.Reference, new ApDecision(false, null, null, "Versleuteld\0."), new Officer("officer-1", "Fatima Bakker"));

        Assert.Equal("Laptop kwijt.", stored.Description);
        Assert.Equal("Gewist.", stored.Measures);
        Assert.Equal("Versleuteld.", decided.Report!.ApReason);
        Assert.Equal("Laptop kwijt.", (await Register.FindAsync(stored.Reference))!.Description);
    }

    private async Task CloseAsync(string reference)
    {
        var officer = new Officer("officer-1", "Fatima Bakker");
        await DecideAllAsync(reference, officer);
        var closed = await Register.RecordDecisionAsync(reference, new CloseDecision(), officer);
        Assert.True(closed.Recorded, string.Join(",", closed.Problems));
    }

    private async Task DecideAllAsync(string reference, Officer officer)
    {
        await Register.RecordDecisionAsync(reference, new ApDecision(false, null, null, "Versleuteld."), officer);
        await Register.RecordDecisionAsync(reference, new SubjectsDecision(false, "Geen risico."), officer);
        await Register.RecordDecisionAsync(reference, new MeasuresDecision(null, "Gewist."), officer);
    }

    /// <summary>
    /// Waits until the register's calls queue behind another connection's uncommitted write.
    /// PostgreSQL shows them as lock waiters; SQLite's writers wait for the database write lock at
    /// BEGIN, before they read anything, so there is nothing to wait for.
    /// </summary>
    private async Task WaitUntilBlockedAsync(int waiters)
    {
        if (provider != StorageProvider.Postgres)
        {
            return;
        }

        await using var observer = await database.NewFactory().OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await observer.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") < waiters)
        {
            Assert.True(DateTime.UtcNow < deadline, "The register's calls never queued behind the other officer's close.");
            await Task.Delay(20);
        }
    }

    private SqlBreachRegister NewInstanceRegister() => new(
        database.NewFactory(),
        host.Services.GetRequiredService<INotificationOutbox>(),
        host.Services.GetServices<IBreachNotificationComposer>(),
        host.Services.GetRequiredService<IOptions<BreachesOptions>>(),
        clock,
        NullLogger<SqlBreachRegister>.Instance);
}

public sealed class SqliteBreachRegisterTests() : BreachRegisterContract(StorageProvider.Sqlite);

[UsesPostgres]
public sealed class PostgresBreachRegisterTests() : BreachRegisterContract(StorageProvider.Postgres);
