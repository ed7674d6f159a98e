using System.Data.Common;
using Dapper;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Notifications.Outbox;
using PrivacyAssistant.Storage;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// <see cref="IKnowledgeFeedbackStore"/> on the shared SQLite/PostgreSQL database (portable SQL).
/// An escalation and its desk notifications (outbox) are written in one transaction.
/// </summary>
public sealed class SqlKnowledgeFeedbackStore(
    IDbConnectionFactory database,
    TimeProvider time,
    INotificationOutbox? outbox = null,
    IEnumerable<IEscalationNotificationComposer>? composers = null,
    IEnumerable<IEscalationAnswerComposer>? answerComposers = null) : IKnowledgeFeedbackStore
{
    private const string Open = "open";
    private const string Answered = "answered";
    private const string Closed = "closed";
    private const string Undelivered = "undelivered";

    private const string SelectEscalation = """
        SELECT id AS Id, question AS Question, language AS Language, best_entry_id AS BestEntryId,
               contact_name AS ContactName, created_at AS CreatedAt, status AS Status, answer AS Answer,
               handled_at AS HandledAt, reply_to AS ReplyTo
        FROM knowledge_escalations
        """;

    private readonly QuestionCountBuffer pendingCounts = new();

    public async Task RecordVoteAsync(string entryId, bool helpful, KnowledgeLanguage language, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO knowledge_feedback (entry_id, helpful, language, created_at) VALUES (@entryId, @helpful, @language, @createdAt)",
            new { entryId, helpful = helpful ? 1 : 0, language = Code(language), createdAt = StorageTime.ToUnixMs(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Adds one to the day's count in memory only: a write transaction per question capped the bot
    /// at the database's commit rate (~190 questions/s on SQLite). <see cref="FlushQuestionCountsAsync"/>
    /// writes the totals, see <see cref="QuestionCountFlusher"/>.
    /// </summary>
    public Task CountQuestionAsync(AnswerDecision decision, string? entryId, KnowledgeLanguage language, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var day = StorageTime.ToUnixMs(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero));
        pendingCounts.Add(new QuestionCountKey(day, decision.ToWire(), entryId ?? "", Code(language)), 1);
        return Task.CompletedTask;
    }

    public async Task<int> FlushQuestionCountsAsync(CancellationToken cancellationToken = default)
    {
        var batch = pendingCounts.TakeAll();
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO knowledge_question_counts (day, decision, entry_id, language, count)
                VALUES (@Day, @Decision, @EntryId, @Language, @Count)
                ON CONFLICT (day, decision, entry_id, language) DO UPDATE SET count = knowledge_question_counts.count + excluded.count
                """,
                batch.Select(c => new { c.Key.Day, c.Key.Decision, c.Key.EntryId, c.Key.Language, Count = c.Value }),
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return batch.Count;
        }
        catch
        {
            // Nothing was committed (one transaction): keep the counts for the next attempt.
            foreach (var (key, count) in batch)
            {
                pendingCounts.Add(key, count);
            }

            throw;
        }
    }

    public async Task<Escalation> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default)
    {
        var question = request.Question.Trim();
        if (question.Length > EscalationRequest.MaxQuestionLength)
        {
            question = question[..EscalationRequest.MaxQuestionLength];
        }

        var createdAt = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO knowledge_escalations (question, language, best_entry_id, contact_name, status, created_at, reply_to)
            VALUES (@question, @language, @bestEntryId, @contactName, @status, @createdAt, @replyTo)
            RETURNING id
            """,
            new
            {
                question,
                replyTo = string.IsNullOrWhiteSpace(request.ReplyTo) ? null : request.ReplyTo,
                language = Code(request.Language),
                bestEntryId = request.BestEntryId,
                contactName = string.IsNullOrWhiteSpace(request.ContactName) ? null : request.ContactName.Trim(),
                status = Open,
                createdAt = StorageTime.ToUnixMs(createdAt),
            },
            transaction,
            cancellationToken: cancellationToken));
        var escalation = new Escalation(id, question, request.Language, request.BestEntryId, request.ContactName, StorageTime.FromUnixMs(StorageTime.ToUnixMs(createdAt)), CanReply: !string.IsNullOrWhiteSpace(request.ReplyTo));

        var notified = false;
        if (outbox is not null)
        {
            foreach (var composer in (composers ?? []).Where(composer => outbox.HasChannel(composer.Channel)))
            {
                foreach (var message in composer.Compose(escalation))
                {
                    await outbox.EnqueueAsync(connection, transaction, message, cancellationToken);
                    notified = true;
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (notified)
        {
            outbox!.Nudge();
        }

        return escalation;
    }

    public async Task<FeedbackSummary> SummarizeAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        // The officer sees today's figures, not those of the last flush.
        await FlushQuestionCountsAsync(cancellationToken);
        var from = StorageTime.ToUnixMs(since);
        await using var connection = await database.OpenAsync(cancellationToken);
        var votes = await connection.QueryAsync<(string EntryId, long Helpful, long NotHelpful)>(new CommandDefinition(
            """
            SELECT entry_id, SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN helpful = 1 THEN 0 ELSE 1 END)
            FROM knowledge_feedback WHERE created_at >= @from GROUP BY entry_id ORDER BY entry_id
            """,
            new { from },
            cancellationToken: cancellationToken));
        var decisions = await connection.QueryAsync<(string Decision, string EntryId, long Count)>(new CommandDefinition(
            """
            SELECT decision, entry_id, SUM(count) FROM knowledge_question_counts WHERE day >= @day
            GROUP BY decision, entry_id ORDER BY decision, entry_id
            """,
            new { day = StorageTime.ToUnixMs(new DateTimeOffset(since.UtcDateTime.Date, TimeSpan.Zero)) },
            cancellationToken: cancellationToken));
        var escalations = await connection.QueryAsync<EscalationRow>(new CommandDefinition(
            SelectEscalation + " WHERE status = @status ORDER BY id",
            new { status = Open },
            cancellationToken: cancellationToken));
        return new FeedbackSummary(votes.ToList(), decisions.ToList(), escalations.Select(ToEscalation).ToList());
    }

    public async Task<IReadOnlyList<Escalation>> ListOpenEscalationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EscalationRow>(new CommandDefinition(
            SelectEscalation + " WHERE status = @open OR status = @undelivered ORDER BY id",
            new { open = Open, undelivered = Undelivered },
            cancellationToken: cancellationToken));
        return rows.Select(ToEscalation).ToList();
    }

    public async Task<IReadOnlyList<HandledQuestion>> ListHandledQuestionsAsync(DateTimeOffset? handledSince = null, CancellationToken cancellationToken = default)
    {
        // Only the two columns an example needs: the name, reply address, officer and answer are never read.
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HandledQuestion>(new CommandDefinition(
            """
            SELECT question AS Question, best_entry_id AS BestEntryId FROM knowledge_escalations
            WHERE (status = @answered OR status = @closed) AND handled_at >= @since
            ORDER BY handled_at, id
            """,
            new { answered = Answered, closed = Closed, since = handledSince is { } since ? StorageTime.ToUnixMs(since) : 0L },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<Escalation?> FindEscalationAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EscalationRow>(new CommandDefinition(
            SelectEscalation + " WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : ToEscalation(row);
    }

    public async Task<EscalationHandling> AnswerEscalationAsync(long id, string answer, string officerId, CancellationToken cancellationToken = default)
    {
        var text = answer.Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException("An answer needs text.", nameof(answer));
        }

        if (text.Length > EscalationRequest.MaxAnswerLength)
        {
            text = text[..EscalationRequest.MaxAnswerLength];
        }

        return await HandleAsync(id, Answered, text, officerId, cancellationToken);
    }

    public Task<EscalationHandling> CloseEscalationAsync(long id, string? officerId = null, CancellationToken cancellationToken = default) =>
        HandleAsync(id, Closed, null, officerId, cancellationToken);

    public async Task<Escalation?> MarkAnswerUndeliveredAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken = default)
    {
        // Conditional on answered: a question closed (or purged) meanwhile stays as it is.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE knowledge_escalations SET status = @undelivered WHERE id = @id AND status = @answered",
            new { id, undelivered = Undelivered, answered = Answered },
            transaction,
            cancellationToken: cancellationToken));
        if (updated != 1)
        {
            return null;
        }

        var row = await connection.QuerySingleAsync<EscalationRow>(new CommandDefinition(
            SelectEscalation + " WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        return ToEscalation(row);
    }

    /// <summary>
    /// Moves an open question to <paramref name="status"/> with a conditional update, so of two
    /// concurrent or replayed attempts exactly one changes it and queues the reply; the reply
    /// address is cleared in the same statement (kept only while it may still be needed). Closing
    /// also settles an undelivered answer; it keeps that answer and who gave it.
    /// </summary>
    private async Task<EscalationHandling> HandleAsync(long id, string status, string? answer, string? officerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<EscalationRow>(new CommandDefinition(
            SelectEscalation + " WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        if (before is null)
        {
            return new EscalationHandling(EscalationHandlingOutcome.NotFound, null);
        }

        // Answering needs an open question; closing also takes an undelivered one.
        var from = status == Closed && before.Status == Undelivered ? Undelivered : Open;
        var changed = before.Status == from && await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE knowledge_escalations
            SET status = @status, answer = COALESCE(answer, @answer), handled_by = COALESCE(handled_by, @officerId), handled_at = @now, reply_to = NULL
            WHERE id = @id AND status = @from
            """,
            new { id, status, answer, officerId = string.IsNullOrWhiteSpace(officerId) ? null : officerId, now = StorageTime.ToUnixMs(now), from },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        if (!changed)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new EscalationHandling(EscalationHandlingOutcome.AlreadyHandled, ToEscalation(before));
        }

        var escalation = ToEscalation(before with { Status = status, Answer = before.Answer ?? answer, HandledAt = StorageTime.ToUnixMs(now), ReplyTo = null });
        var queued = false;
        if (status == Answered && before.ReplyTo is { Length: > 0 } replyTo && outbox is not null)
        {
            foreach (var composer in (answerComposers ?? []).Where(composer => outbox.HasChannel(composer.Channel)))
            {
                await outbox.EnqueueAsync(connection, transaction, composer.Compose(escalation, replyTo), cancellationToken);
                queued = true;
                break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (queued)
        {
            outbox!.Nudge();
        }

        return new EscalationHandling(EscalationHandlingOutcome.Done, escalation, queued);
    }

    private static string Code(KnowledgeLanguage language) => language == KnowledgeLanguage.English ? "en" : "nl";

    private static KnowledgeLanguage Language(string code) => code == "en" ? KnowledgeLanguage.English : KnowledgeLanguage.Dutch;

    private static Escalation ToEscalation(EscalationRow row) => new(
        row.Id,
        row.Question,
        Language(row.Language),
        row.BestEntryId,
        row.ContactName,
        StorageTime.FromUnixMs(row.CreatedAt),
        row.Status switch { Answered => EscalationStatus.Answered, Closed => EscalationStatus.Closed, Undelivered => EscalationStatus.Undelivered, _ => EscalationStatus.Open },
        row.Answer,
        row.HandledAt is { } handled ? StorageTime.FromUnixMs(handled) : null,
        CanReply: !string.IsNullOrEmpty(row.ReplyTo));

    private sealed record EscalationRow(
        long Id, string Question, string Language, string? BestEntryId, string? ContactName, long CreatedAt,
        string Status, string? Answer, long? HandledAt, string? ReplyTo);
}
