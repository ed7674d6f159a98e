using System.Data.Common;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>
/// Stores what the privacy officer needs to improve the knowledge base, never who asked:
/// 👍/👎 per entry, daily counts per decision and entry (no question text), and questions sent to
/// the desk with the asker's consent.
/// </summary>
public interface IKnowledgeFeedbackStore
{
    Task RecordVoteAsync(string entryId, bool helpful, KnowledgeLanguage language, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one question by its outcome; <paramref name="entryId"/> is null for none. Counts are
    /// kept in memory until <see cref="FlushQuestionCountsAsync"/> (periodic and at shutdown), so a
    /// crash can lose up to one flush interval of these statistics.
    /// </summary>
    Task CountQuestionAsync(AnswerDecision decision, string? entryId, KnowledgeLanguage language, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the counts kept in memory to the stored daily counts in one transaction and returns how
    /// many day/decision/entry/language rows it wrote. When it fails the counts stay for the next attempt.
    /// </summary>
    Task<int> FlushQuestionCountsAsync(CancellationToken cancellationToken = default);

    Task<Escalation> EscalateAsync(EscalationRequest request, CancellationToken cancellationToken = default);

    Task<FeedbackSummary> SummarizeAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// What needs the desk, oldest first: open questions and answered ones whose answer could not be
    /// delivered (<see cref="EscalationStatus.Undelivered"/>).
    /// </summary>
    Task<IReadOnlyList<Escalation>> ListOpenEscalationsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The questions the desk has answered or closed (not open or undelivered ones: they still need the desk), handled
    /// at or after <paramref name="handledSince"/> when given, in the order they were handled: the question text and the
    /// closest entry only (<see cref="HandledQuestion"/>), for <c>export-examples</c>.
    /// </summary>
    Task<IReadOnlyList<HandledQuestion>> ListHandledQuestionsAsync(DateTimeOffset? handledSince = null, CancellationToken cancellationToken = default);

    Task<Escalation?> FindEscalationAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the desk's answer and, in the same transaction, queues it for the asker
    /// (<see cref="IEscalationAnswerComposer"/>); forgets where to reply. Only an open question is
    /// answered: a replay or a second officer gets <see cref="EscalationHandlingOutcome.AlreadyHandled"/>
    /// and nothing is sent twice. <paramref name="officerId"/> (Entra object id) is kept as who answered.
    /// </summary>
    Task<EscalationHandling> AnswerEscalationAsync(long id, string answer, string officerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The desk closes an open question without answering through the bot, or settles an undelivered
    /// answer (keeping it); forgets where to reply.
    /// </summary>
    Task<EscalationHandling> CloseEscalationAsync(long id, string? officerId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The desk's answer could not be delivered to the asker: an answered question goes to
    /// <see cref="EscalationStatus.Undelivered"/>, back on the desk's list with its answer. Runs on
    /// the caller's <paramref name="connection"/> and <paramref name="transaction"/> (the outbox's,
    /// abandoning the message), so both happen or neither. Returns the question as it now stands, or
    /// null when it is not answered (closed, or removed by retention, meanwhile): it stays as it is.
    /// </summary>
    Task<Escalation?> MarkAnswerUndeliveredAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken cancellationToken = default);
}
