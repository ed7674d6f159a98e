namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>Where a forwarded question stands (stored as <c>open</c>, <c>answered</c>, <c>closed</c>).</summary>
public enum EscalationStatus
{
    Open,

    /// <summary>The desk answered; the answer was queued for the asker.</summary>
    Answered,

    /// <summary>The desk closed it without an answer through the bot (e.g. handled by phone or mail).</summary>
    Closed,
}
