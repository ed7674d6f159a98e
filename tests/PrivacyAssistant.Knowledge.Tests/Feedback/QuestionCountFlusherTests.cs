using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Storage.Migrations;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Knowledge.Tests.Feedback;

public sealed class QuestionCountFlusherTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-23T09:30:00Z"));
    private readonly ListLogger<QuestionCountFlusher> logger = new();
    private TestDatabase database = null!;
    private FlakyConnectionFactory connections = null!;
    private SqlKnowledgeFeedbackStore store = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await new MigrationRunner(database.Factory, [new MigrationSet(KnowledgeMigrations.Feature, KnowledgeMigrations.All)], TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        connections = new FlakyConnectionFactory(database.Factory);
        store = new SqlKnowledgeFeedbackStore(connections, time);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Counts_AreWrittenEveryInterval()
    {
        var flusher = NewFlusher();
        await flusher.StartAsync(CancellationToken.None);
        await store.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);

        time.Advance(Interval);

        await WaitForStoredCountAsync(1);
        await flusher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Counts_AreWrittenOnShutdown()
    {
        var flusher = NewFlusher();
        await flusher.StartAsync(CancellationToken.None);
        await store.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        await store.CountQuestionAsync(AnswerDecision.None, null, KnowledgeLanguage.English);
        Assert.Equal(0L, await StoredCountAsync());

        await flusher.StopAsync(CancellationToken.None);

        Assert.Equal(2L, await StoredCountAsync());
    }

    [Fact]
    public async Task FailingFlush_LogsNoContent_AndTheNextFlushWritesTheCounts()
    {
        var flusher = NewFlusher();
        await flusher.StartAsync(CancellationToken.None);
        await store.CountQuestionAsync(AnswerDecision.Answer, "datalek", KnowledgeLanguage.Dutch);
        connections.Failing = true;

        time.Advance(Interval);
        await WaitUntilAsync(() => logger.Lines.Count > 0);
        connections.Failing = false;
        await flusher.StopAsync(CancellationToken.None);

        var line = Assert.Single(logger.Lines);
        Assert.StartsWith("Warning:", line);
        Assert.Contains(nameof(InvalidOperationException), line);
        Assert.DoesNotContain("datalek", line);
        Assert.DoesNotContain("jan@school.nl", line);
        Assert.Equal(1L, await StoredCountAsync());
    }

    private QuestionCountFlusher NewFlusher() =>
        new(store, Options.Create(new KnowledgeOptions { QuestionCountFlushInterval = Interval }), time, logger);

    private async Task WaitForStoredCountAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await StoredCountAsync() != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(expected, await StoredCountAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    private async Task<long> StoredCountAsync()
    {
        await using var connection = await database.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(count), 0) FROM knowledge_question_counts");
    }
}
