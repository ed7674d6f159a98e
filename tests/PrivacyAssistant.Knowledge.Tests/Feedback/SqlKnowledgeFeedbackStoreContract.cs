using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
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
    public async Task Escalate_StoresTheQuestionWithAReferenceUntilClosed()
    {
        var escalation = await store.EscalateAsync(new EscalationRequest("  Mag de schoolfotograaf klassenlijsten krijgen?  ", KnowledgeLanguage.Dutch, "verwerkersovereenkomst", null));

        Assert.Equal("Mag de schoolfotograaf klassenlijsten krijgen?", escalation.Question);
        Assert.Matches(@"^VR-2026-\d{4}$", escalation.Reference);
        var open = Assert.Single((await store.SummarizeAsync(time.GetUtcNow().AddDays(-1))).OpenEscalations);
        Assert.Equal(escalation.Id, open.Id);
        Assert.Equal("verwerkersovereenkomst", open.BestEntryId);
        Assert.Null(open.ContactName);

        Assert.True(await store.CloseEscalationAsync(escalation.Id));
        Assert.Empty((await store.SummarizeAsync(time.GetUtcNow().AddDays(-1))).OpenEscalations);
        Assert.False(await store.CloseEscalationAsync(escalation.Id + 1000));
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
        time.Advance(TimeSpan.FromDays(800));
        var purger = new RetentionPurger(database.Factory, KnowledgeRetention.Rules, time, NullLogger<RetentionPurger>.Instance);

        var deleted = await purger.PurgeAsync();

        Assert.Equal(1, deleted["knowledge_feedback"]);
        Assert.Equal(1, deleted["knowledge_question_counts"]);
        Assert.Equal(1, deleted["knowledge_escalations"]);
    }
}

public sealed class SqliteKnowledgeFeedbackStoreTests() : SqlKnowledgeFeedbackStoreContract(StorageProvider.Sqlite);

[UsesPostgres]
public sealed class PostgresKnowledgeFeedbackStoreTests() : SqlKnowledgeFeedbackStoreContract(StorageProvider.Postgres);
