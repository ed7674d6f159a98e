namespace PrivacyAssistant.Conversations.Help;

/// <summary>
/// A part of the help card's "Voor de privacydesk" section, registered by the feature that owns the
/// officer commands it describes, so the section names only commands that exist in this host.
/// </summary>
public sealed record OfficerHelpTopic(string Key)
{
    /// <summary>The breach register commands (<c>meldingen</c>, <c>datalek DL-…</c>, <c>register exporteren</c>).</summary>
    public static readonly OfficerHelpTopic BreachRegister = new("breachRegister");

    /// <summary>The escalation desk command (<c>vragen</c> / <c>questions</c>).</summary>
    public static readonly OfficerHelpTopic EscalationDesk = new("escalationDesk");
}
