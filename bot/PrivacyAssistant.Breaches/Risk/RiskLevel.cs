namespace PrivacyAssistant.Breaches.Risk;

public enum RiskLevel
{
    LikelyHighRisk,
    LikelyNotifiable,
    Assess,
    LikelyNotNotifiable,
}
