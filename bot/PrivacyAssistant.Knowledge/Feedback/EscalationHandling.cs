namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>What became of the desk's answer or close.</summary>
/// <param name="Outcome">Whether this call changed the question.</param>
/// <param name="Escalation">The question as it is now; null when it does not exist (any more).</param>
/// <param name="ReplyQueued">For an answer: whether a message to the asker was queued (false when the bot cannot reach them).</param>
public sealed record EscalationHandling(EscalationHandlingOutcome Outcome, Escalation? Escalation, bool ReplyQueued = false);

public enum EscalationHandlingOutcome
{
    /// <summary>This call answered or closed the question.</summary>
    Done,

    /// <summary>It was answered or closed before (a replay or a colleague): nothing changed, nothing sent.</summary>
    AlreadyHandled,

    /// <summary>No such question (never existed, or removed by retention).</summary>
    NotFound,
}
