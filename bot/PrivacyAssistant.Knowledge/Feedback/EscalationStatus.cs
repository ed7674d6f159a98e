namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>Where a forwarded question stands (stored as <c>open</c>, <c>answered</c>, <c>closed</c>, <c>undelivered</c>).</summary>
public enum EscalationStatus
{
    Open,

    /// <summary>The desk answered; the answer was queued for the asker.</summary>
    Answered,

    /// <summary>The desk closed it without an answer through the bot (e.g. handled by phone or mail), or settled an undelivered answer.</summary>
    Closed,

    /// <summary>
    /// The desk answered, but the outbox gave up on bringing the answer to the asker: back on the
    /// desk's list until an officer passes it on another way (if the asker left a name) and closes it.
    /// </summary>
    Undelivered,
}
