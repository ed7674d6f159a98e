namespace PrivacyAssistant.Breaches.Risk;

/// <summary>
/// A hint for the privacy officer derived from the report's facts, with the reasons behind it.
/// It is never a decision: the officer decides and records that decision.
/// </summary>
public sealed record RiskHint(RiskLevel Level, IReadOnlyList<string> Reasons)
{
    public string Code => CodeOf(Level);

    public static string CodeOf(RiskLevel level) => level switch
    {
        RiskLevel.LikelyHighRisk => "likely-high-risk",
        RiskLevel.LikelyNotifiable => "likely-notifiable",
        RiskLevel.LikelyNotNotifiable => "likely-not-notifiable",
        _ => "assess",
    };

    public string Describe(Texts.BreachTextSet texts) =>
        texts.Risk[Code] + (Reasons.Count == 0 ? string.Empty : " (" + string.Join(", ", Reasons.Select(reason => texts.RiskReasons.GetValueOrDefault(reason, reason))) + ")");
}
