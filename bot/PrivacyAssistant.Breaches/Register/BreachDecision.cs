namespace PrivacyAssistant.Breaches.Register;

/// <summary>A decision an officer records on a report; each one is kept in the audit trail.</summary>
public abstract record BreachDecision
{
    public abstract string Code { get; }
}

/// <summary>Notified to the Autoriteit Persoonsgegevens (when, their reference) or why not.</summary>
public sealed record ApDecision(bool Notified, DateTimeOffset? NotifiedAt, string? ApReference, string? Reason) : BreachDecision
{
    public override string Code => "ap";
}

/// <summary>People affected informed (art. 34) or why not.</summary>
public sealed record SubjectsDecision(bool Informed, string? Reason) : BreachDecision
{
    public override string Code => "subjects";
}

/// <summary>Effects and remedial action for the register.</summary>
public sealed record MeasuresDecision(string? Consequences, string? RemedialActions) : BreachDecision
{
    public override string Code => "measures";
}

/// <summary>Closes the report; needs the other decisions first.</summary>
public sealed record CloseDecision : BreachDecision
{
    public override string Code => "close";
}

/// <summary>
/// Corrects when the school became aware of the breach, which starts the 72 hours of art. 33(1):
/// the reporter's discovery time can be wrong (noticed on Friday, reported on Monday; a mistyped
/// day). The register fills in <see cref="PreviousDiscoveredAt"/> so the audit trail keeps both.
/// </summary>
public sealed record DiscoveryDecision(DateTimeOffset DiscoveredAt, string? Reason) : BreachDecision
{
    public override string Code => "discovery";

    /// <summary>The discovery time the correction replaced; set by the register when it records it.</summary>
    public DateTimeOffset? PreviousDiscoveredAt { get; init; }
}
