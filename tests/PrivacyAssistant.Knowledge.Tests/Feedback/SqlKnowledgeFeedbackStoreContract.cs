using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Storage.Retention;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Knowledge.Tests.Feedback;

public abstract class SqlKnowledgeFeedbackStoreContract(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-23T09:30:00Z"));
    private TestDatabase database = null!;
    private SqlKnowledgeFeedbackStore store = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Factory, [new MigrationSet(KnowledgeMigrations.Feature, KnowledgeMigrations.All)], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        store = new SqlKnowledgeFeedbackStore(database.Factory, time);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [StorageFact]
    public async Task RecordVote_IsSummarisedPerEntry()
    {
        await store.RecordVoteAsync("datalek", helpful: true, KnowledgeLanguage.Dutch);
        await store.RecordVoteAsync("datalek", helpful: true, KnowledgeLanguage.English);
        await store.RecordVoteAsync("datalek", helpful: false, KnowledgeLanguage.Dutch);
        await store.RecordVoteAsync("toestemming", helpful: false, KnowledgeLanguage.Dutch);

        var summary = await store.SummarizeAsync(time.GetUtcNow().AddDays(-1));

        Assert.Equal([("datalek", 2L, 1L), ("toestemming", 0L, 1L)], summary.Votes);
    }

    [StorageFact]
    public async Task CountQuestion_AddsUpPerDayDecisionAndEntry_WithoutQuestionText()
    {
        await store.CountQuestionAsync(AnswerDecision.None, null, KnowledgeLanguage.Dutch);
        await store.CountQuestionAsync(AnswerDecision.None, null, KnowledgeLanguage.Dutch);
        await store.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        time.Advance(TimeSpan.FromDays(1));
        await store.CountQuestionAsync(AnswerDecision.None, null, KnowledgeLanguage.Dutch);

        var summary = await store.SummarizeAsync(time.GetUtcNow().AddDays(-7));

        Assert.Equal([("answer", "datalek", 1L), ("none", "", 3L)], summary.Decisions);
        await using var connection = await database.Factory.OpenAsync();
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM knowledge_question_counts"));
    }

    [StorageFact]
    public async Task CountQuestion_IsOnlyInMemory_UntilFlushed()
    {
        await store.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);

        Assert.Equal(0L, await StoredCountAsync());
        Assert.Equal(1, await store.FlushQuestionCountsAsync());
        Assert.Equal(1L, await StoredCountAsync());
        Assert.Equal(0, await store.FlushQuestionCountsAsync());
    }

    [StorageFact]
    public async Task ManyConcurrentQuestions_ArriveWithExactTotals_AcrossFlushesAddingToExistingRows()
    {
        const int Workers = 16;
        const int PerWorker = 500;
        var flushing = true;
        var flusher = Task.Run(async () =>
        {
            while (Volatile.Read(ref flushing))
            {
                await store.FlushQuestionCountsAsync();
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWorker; i++)
            {
                var language = i % 2 == 0 ? KnowledgeLanguage.Dutch : KnowledgeLanguage.English;
                if (i % 5 == 0)
                {
                    await store.CountQuestionAsync(AnswerDecision.None, null, language);
                }
                else
                {
                    await store.CountQuestionAsync(AnswerDecision.Answer, w % 2 == 0 ? "datalek" : "toestemming", language);
                }
            }
        })));
        Volatile.Write(ref flushing, false);
        await flusher;
        await store.FlushQuestionCountsAsync();

        await using var connection = await database.Factory.OpenAsync();
        var rows = (await connection.QueryAsync<(string Decision, string EntryId, string Language, long Count)>(
            "SELECT decision, entry_id, language, count FROM knowledge_question_counts ORDER BY decision, entry_id, language")).ToList();
        Assert.Equal(
            [
                ("answer", "datalek", "en", 8L * 200), ("answer", "datalek", "nl", 8L * 200),
                ("answer", "toestemming", "en", 8L * 200), ("answer", "toestemming", "nl", 8L * 200),
                ("none", "", "en", 16L * 50), ("none", "", "nl", 16L * 50),
            ],
            rows);
        Assert.Equal((long)Workers * PerWorker, rows.Sum(r => r.Count));
    }

    [StorageFact]
    public async Task FailingFlush_KeepsTheCountsForTheNextAttempt()
    {
        var flaky = new FlakyConnectionFactory(database.Factory);
        var flakyStore = new SqlKnowledgeFeedbackStore(flaky, time);
        await flakyStore.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        await flakyStore.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        await flakyStore.FlushQuestionCountsAsync();
        await flakyStore.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        flaky.Failing = true;

        await Assert.ThrowsAnyAsync<Exception>(() => flakyStore.FlushQuestionCountsAsync());
        await flakyStore.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        flaky.Failing = false;
        Assert.Equal(1, await flakyStore.FlushQuestionCountsAsync());

        Assert.Equal(4L, await StoredCountAsync());
    }

    [StorageFact]
    public async Task Escalate_StoresTheQuestionWithAReferenceUntilClosed()
    {
        var escalation = await store.EscalateAsync(new EscalationRequest("  Mag de schoolfotograaf klassenlijsten krijgen?  ", KnowledgeLanguage.Dutch, "verwerkersovereenkomst", null));

        Assert.Equal("Mag de schoolfotograaf klassenlijsten krijgen?", escalation.Question);
        Assert.Matches(@"^VR-2026-\d{4}$", escalation.Reference);
        var open = Assert.Single((await store.SummarizeAsync(time.GetUtcNow().AddDays(-1))).OpenEscalations);
        Assert.Equal(escalation.Id, open.Id);
        Assert.Equal("verwerkersovereenkomst", open.BestEntryId);
        Assert.Null(open.ContactName);

        Assert.Equal(EscalationHandlingOutcome.Done, (await store.CloseEscalationAsync(escalation.Id, "officer-1")).Outcome);
        Assert.Empty((await store.SummarizeAsync(time.GetUtcNow().AddDays(-1))).OpenEscalations);
        Assert.Equal(EscalationHandlingOutcome.AlreadyHandled, (await store.CloseEscalationAsync(escalation.Id)).Outcome);
        Assert.Equal(EscalationHandlingOutcome.NotFound, (await store.CloseEscalationAsync(escalation.Id + 1000)).Outcome);
        Assert.Equal(EscalationStatus.Closed, (await store.FindEscalationAsync(escalation.Id))!.Status);
    }

    [StorageFact]
    public async Task ListHandledQuestions_GivesAnsweredAndClosedOnesInTheOrderHandled_FromTheDayGiven()
    {
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, new RecordingOutbox(), [], [new EchoAnswerComposer()]);
        var early = await answering.EscalateAsync(new EscalationRequest("vroeg gesloten", KnowledgeLanguage.Dutch, "datalek", "Femke", """{"conversationId":"a:1"}"""));
        var answered = await answering.EscalateAsync(new EscalationRequest("beantwoord", KnowledgeLanguage.English, null, null));
        var closed = await answering.EscalateAsync(new EscalationRequest("gesloten", KnowledgeLanguage.Dutch, "beeldmateriaal", null));
        await answering.EscalateAsync(new EscalationRequest("nog open", KnowledgeLanguage.Dutch, "datalek", null));
        await answering.CloseEscalationAsync(early.Id, "officer-1");
        time.Advance(TimeSpan.FromDays(2));
        var since = time.GetUtcNow();
        await answering.CloseEscalationAsync(closed.Id, "officer-1");
        time.Advance(TimeSpan.FromMinutes(5));
        await answering.AnswerEscalationAsync(answered.Id, "Ja.", "officer-2");

        var all = await answering.ListHandledQuestionsAsync();
        var recent = await answering.ListHandledQuestionsAsync(since);

        Assert.Equal([new HandledQuestion("vroeg gesloten", "datalek"), new HandledQuestion("gesloten", "beeldmateriaal"), new HandledQuestion("beantwoord", null)], all);
        Assert.Equal([new HandledQuestion("gesloten", "beeldmateriaal"), new HandledQuestion("beantwoord", null)], recent);
    }

    [StorageFact]
    public async Task ListHandledQuestions_LeavesOutAnUndeliveredAnswer_UntilTheDeskSettlesIt()
    {
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, new RecordingOutbox(), [], [new EchoAnswerComposer()]);
        var escalation = await answering.EscalateAsync(new EscalationRequest("Mag ik cijfers mailen?", KnowledgeLanguage.Dutch, null, null, """{"conversationId":"a:1"}"""));
        await answering.AnswerEscalationAsync(escalation.Id, "Nee.", "officer-1");
        await using (var connection = await database.Factory.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await answering.MarkAnswerUndeliveredAsync(connection, transaction, escalation.Id);
            await transaction.CommitAsync();
        }

        Assert.Empty(await answering.ListHandledQuestionsAsync());
        await answering.CloseEscalationAsync(escalation.Id, "officer-1");
        Assert.Equal([new HandledQuestion("Mag ik cijfers mailen?", null)], await answering.ListHandledQuestionsAsync());
    }

    [StorageFact]
    public async Task Answer_RecordsTheAnswer_QueuesOneReplyInTheSameTransaction_AndForgetsWhereToReply()
    {
        var outbox = new RecordingOutbox();
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, outbox, [], [new EchoAnswerComposer()]);
        var escalation = await answering.EscalateAsync(new EscalationRequest("Mag ik cijfers mailen?", KnowledgeLanguage.English, null, null, """{"conversationId":"a:1"}"""));
        Assert.True(escalation.CanReply);
        Assert.Equal(escalation.Id, Assert.Single(await answering.ListOpenEscalationsAsync()).Id);
        time.Advance(TimeSpan.FromHours(3));

        var first = await answering.AnswerEscalationAsync(escalation.Id, "  Nee, gebruik Magister.  ", "officer-1");
        var replay = await answering.AnswerEscalationAsync(escalation.Id, "Ander antwoord", "officer-2");

        Assert.Equal((EscalationHandlingOutcome.Done, true), (first.Outcome, first.ReplyQueued));
        Assert.Equal((EscalationHandlingOutcome.AlreadyHandled, false), (replay.Outcome, replay.ReplyQueued));
        var message = Assert.Single(outbox.Messages);
        Assert.Equal(("echo", escalation.Reference, """{"conversationId":"a:1"}|Nee, gebruik Magister."""), (message.Channel, message.Correlation, message.Payload));
        var stored = (await answering.FindEscalationAsync(escalation.Id))!;
        Assert.Equal((EscalationStatus.Answered, "Nee, gebruik Magister.", false, time.GetUtcNow()), (stored.Status, stored.Answer, stored.CanReply, stored.HandledAt!.Value));
        Assert.Empty(await answering.ListOpenEscalationsAsync());
        await using var connection = await database.Factory.OpenAsync();
        var row = await connection.QuerySingleAsync<(string? ReplyTo, string? HandledBy)>("SELECT reply_to, handled_by FROM knowledge_escalations WHERE id = @id", new { id = escalation.Id });
        Assert.Equal((null, "officer-1"), row);
    }

    [StorageFact]
    public async Task Answer_ByOfficersAtTheSameTime_IsRecordedOnce_AndQueuedOnce()
    {
        var outbox = new RecordingOutbox();
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, outbox, [], [new EchoAnswerComposer()]);
        var escalation = await answering.EscalateAsync(new EscalationRequest("vraag", KnowledgeLanguage.Dutch, null, null, "{}"));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => answering.AnswerEscalationAsync(escalation.Id, $"antwoord {i}", $"officer-{i}"))));

        var winner = Assert.Single(results, result => result.Outcome == EscalationHandlingOutcome.Done);
        Assert.Equal(5, results.Count(result => result.Outcome == EscalationHandlingOutcome.AlreadyHandled));
        var message = Assert.Single(outbox.Messages);
        Assert.Equal("{}|" + winner.Escalation!.Answer, message.Payload);
        Assert.Equal(winner.Escalation.Answer, (await answering.FindEscalationAsync(escalation.Id))!.Answer);
    }

    [StorageFact]
    public async Task Answer_WithoutAReplyAddress_IsRecordedButQueuesNothing()
    {
        var outbox = new RecordingOutbox();
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, outbox, [], [new EchoAnswerComposer()]);
        var escalation = await answering.EscalateAsync(new EscalationRequest("vraag", KnowledgeLanguage.Dutch, null, null));

        var handled = await answering.AnswerEscalationAsync(escalation.Id, "antwoord", "officer-1");

        Assert.False(escalation.CanReply);
        Assert.Equal((EscalationHandlingOutcome.Done, false), (handled.Outcome, handled.ReplyQueued));
        Assert.Empty(outbox.Messages);
        Assert.Equal(EscalationHandlingOutcome.NotFound, (await answering.AnswerEscalationAsync(escalation.Id + 1000, "x", "officer-1")).Outcome);
    }

    [StorageFact]
    public async Task AbandonedAnswer_PutsTheQuestionBackOnTheDeskList_KeepingTheAnswer_AndClosingSettlesIt()
    {
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, new RecordingOutbox(), [], [new EchoAnswerComposer()]);
        var escalation = await answering.EscalateAsync(new EscalationRequest("Mag ik cijfers mailen?", KnowledgeLanguage.Dutch, null, "Femke", """{"conversationId":"a:1"}"""));
        await answering.AnswerEscalationAsync(escalation.Id, "Nee, gebruik Magister.", "officer-1");
        var handler = new UndeliveredAnswerHandler(answering, NullLogger<UndeliveredAnswerHandler>.Instance);

        // Not ours (another type, or no question reference), or rolled back: nothing changes.
        await AbandonAsync(handler, new AbandonedMessage(1, "mail", "knowledge.escalated", escalation.Reference, "graph-503"), commit: true);
        await AbandonAsync(handler, new AbandonedMessage(4, "echo", IEscalationAnswerComposer.MessageType, "BR-2026-0001", "teams-reply-404-error"), commit: true);
        await AbandonAsync(handler, new AbandonedMessage(2, "echo", IEscalationAnswerComposer.MessageType, escalation.Reference, "teams-reply-403-MessageWritesBlocked"), commit: false);
        Assert.Equal(EscalationStatus.Answered, (await answering.FindEscalationAsync(escalation.Id))!.Status);
        Assert.Empty(await answering.ListOpenEscalationsAsync());

        await AbandonAsync(handler, new AbandonedMessage(2, "echo", IEscalationAnswerComposer.MessageType, escalation.Reference, "teams-reply-403-MessageWritesBlocked"), commit: true);

        var listed = Assert.Single(await answering.ListOpenEscalationsAsync());
        Assert.Equal((EscalationStatus.Undelivered, "Nee, gebruik Magister.", "Femke", false), (listed.Status, listed.Answer, listed.ContactName, listed.CanReply));
        Assert.Equal(EscalationHandlingOutcome.AlreadyHandled, (await answering.AnswerEscalationAsync(escalation.Id, "Opnieuw", "officer-2")).Outcome);

        var settled = await answering.CloseEscalationAsync(escalation.Id, "officer-2");

        Assert.Equal((EscalationHandlingOutcome.Done, EscalationStatus.Closed, "Nee, gebruik Magister."), (settled.Outcome, settled.Escalation!.Status, settled.Escalation.Answer));
        Assert.Empty(await answering.ListOpenEscalationsAsync());
        await using var connection = await database.Factory.OpenAsync();
        var row = await connection.QuerySingleAsync<(string Status, string? Answer, string? HandledBy)>("SELECT status, answer, handled_by FROM knowledge_escalations WHERE id = @id", new { id = escalation.Id });
        Assert.Equal(("closed", "Nee, gebruik Magister.", "officer-1"), row);

        // A late abandonment of a settled question changes nothing.
        await AbandonAsync(handler, new AbandonedMessage(3, "echo", IEscalationAnswerComposer.MessageType, escalation.Reference, "teams-reply-404-error"), commit: true);
        Assert.Equal(EscalationStatus.Closed, (await answering.FindEscalationAsync(escalation.Id))!.Status);
    }

    [StorageFact]
    public async Task MarkAnswerUndelivered_OnlyMovesAnAnsweredQuestion_InTheCallersTransaction()
    {
        var answering = new SqlKnowledgeFeedbackStore(database.Factory, time, new RecordingOutbox(), [], [new EchoAnswerComposer()]);
        var open = await answering.EscalateAsync(new EscalationRequest("open", KnowledgeLanguage.Dutch, null, null, """{"conversationId":"a:1"}"""));
        var answered = await answering.EscalateAsync(new EscalationRequest("beantwoord", KnowledgeLanguage.Dutch, null, null, """{"conversationId":"a:2"}"""));
        var closed = await answering.EscalateAsync(new EscalationRequest("gesloten", KnowledgeLanguage.Dutch, null, null));
        await answering.AnswerEscalationAsync(answered.Id, "antwoord", "officer-1");
        await answering.CloseEscalationAsync(closed.Id, "officer-1");

        // Changed in the transaction, then rolled back with it.
        Assert.NotNull(await MarkAsync(answering, answered.Id, commit: false));
        Assert.Equal(EscalationStatus.Answered, (await answering.FindEscalationAsync(answered.Id))!.Status);

        // The question as it now stands, for the desk's alert.
        var marked = await MarkAsync(answering, answered.Id, commit: true);
        Assert.Equal((answered.Reference, EscalationStatus.Undelivered, "antwoord"), (marked!.Reference, marked.Status, marked.Answer));
        Assert.Null(await MarkAsync(answering, answered.Id, commit: true));
        Assert.Null(await MarkAsync(answering, open.Id, commit: true));
        Assert.Null(await MarkAsync(answering, closed.Id, commit: true));
        Assert.Null(await MarkAsync(answering, closed.Id + 1000, commit: true));

        Assert.Equal(
            [(open.Id, EscalationStatus.Open), (answered.Id, EscalationStatus.Undelivered)],
            (await answering.ListOpenEscalationsAsync()).Select(e => (e.Id, e.Status)));
        Assert.Equal(("antwoord", false), ((await answering.FindEscalationAsync(answered.Id))!.Answer, (await answering.FindEscalationAsync(answered.Id))!.CanReply));
        Assert.Equal(EscalationStatus.Closed, (await answering.FindEscalationAsync(closed.Id))!.Status);
    }

    // Returns what the store reported; the change only stays when the transaction commits.
    private async Task<Escalation?> MarkAsync(SqlKnowledgeFeedbackStore answering, long id, bool commit)
    {
        await using var connection = await database.Factory.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var changed = await answering.MarkAnswerUndeliveredAsync(connection, transaction, id);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return changed;
    }

    private async Task AbandonAsync(UndeliveredAnswerHandler handler, AbandonedMessage message, bool commit)
    {
        await using var connection = await database.Factory.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await handler.OnAbandonedAsync(connection, transaction, message, CancellationToken.None);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }

    private sealed class RecordingOutbox : PrivacyAssistant.Notifications.Outbox.INotificationOutbox
    {
        public System.Collections.Concurrent.ConcurrentBag<PrivacyAssistant.Notifications.Outbox.OutboxMessage> Messages { get; } = [];

        public bool HasChannel(string channel) => channel == "echo";

        public Task EnqueueAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, PrivacyAssistant.Notifications.Outbox.OutboxMessage message, CancellationToken cancellationToken = default)
        {
            Messages.Add(message);
            return Task.CompletedTask;
        }

        public void Nudge()
        {
        }
    }

    private sealed class EchoAnswerComposer : IEscalationAnswerComposer
    {
        public string Channel => "echo";

        public PrivacyAssistant.Notifications.Outbox.OutboxMessage Compose(Escalation escalation, string replyTo) =>
            new(Channel, "knowledge.answered", escalation.Reference, replyTo + "|" + escalation.Answer);
    }

    [StorageFact]
    public async Task Escalate_VeryLongQuestion_IsCut()
    {
        var escalation = await store.EscalateAsync(new EscalationRequest(new string('x', 5000), KnowledgeLanguage.English, null, "Jan"));

        Assert.Equal(EscalationRequest.MaxQuestionLength, escalation.Question.Length);
        Assert.Equal("Jan", escalation.ContactName);
    }

    [StorageFact]
    public async Task RetentionRules_PurgeOldRowsOfEveryTable()
    {
        await store.RecordVoteAsync("datalek", helpful: true, KnowledgeLanguage.Dutch);
        await store.CountQuestionAsync(AnswerDecision.None, null, KnowledgeLanguage.Dutch);
        await store.EscalateAsync(new EscalationRequest("vraag", KnowledgeLanguage.Dutch, null, null));
        await store.FlushQuestionCountsAsync();
        time.Advance(TimeSpan.FromDays(800));
        var purger = new RetentionPurger(database.Factory, KnowledgeRetention.Rules, time, NullLogger<RetentionPurger>.Instance);

        var deleted = await purger.PurgeAsync();

        Assert.Equal(1, deleted["knowledge_feedback"]);
        Assert.Equal(1, deleted["knowledge_question_counts"]);
        Assert.Equal(1, deleted["knowledge_escalations"]);
    }

    private async Task<long> StoredCountAsync()
    {
        await using var connection = await database.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(count), 0) FROM knowledge_question_counts");
    }
}

public sealed class SqliteKnowledgeFeedbackStoreTests() : SqlKnowledgeFeedbackStoreContract(StorageProvider.Sqlite);

[UsesPostgres]
public sealed class PostgresKnowledgeFeedbackStoreTests() : SqlKnowledgeFeedbackStoreContract(StorageProvider.Postgres);
