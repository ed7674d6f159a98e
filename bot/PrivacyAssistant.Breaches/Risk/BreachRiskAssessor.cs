using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Breaches.Risk;

/// <summary>
/// Rules of thumb from the AP's guidance and GDPR art. 33/34: special categories or a BSN make a
/// high risk likely (notify the AP and inform the people); properly encrypted data on a lost
/// carrier makes a risk unlikely; intrusions and many people affected point to notification.
/// Unauthorised access or exposure (rights set wrong, an ex-colleague still getting in, papers or a
/// screen in view) is a confidentiality breach by people the school knows, not an intrusion: its
/// risk follows from which data and how many people, so it takes the category and count rules only
/// (and encryption does not help, as the data was readable to them).
/// </summary>
public static class BreachRiskAssessor
{
    private static readonly BreachKind[] Carriers = [BreachKind.LostDevice, BreachKind.UsbStick];
    private static readonly BreachKind[] Intrusions = [BreachKind.HackedAccount, BreachKind.Ransomware, BreachKind.PasswordShared, BreachKind.AppVulnerability];

    public static RiskHint Assess(BreachKind kind, IReadOnlyList<DataCategory> categories, AffectedCount count, Protection protection)
    {
        var reasons = new List<string>();
        var special = categories.Contains(DataCategory.Health) || categories.Contains(DataCategory.SpecialOther);
        var bsn = categories.Contains(DataCategory.Bsn);

        // Encryption only protects data at rest on a lost carrier, not an account someone is using.
        if (Carriers.Contains(kind) && protection == Protection.Encrypted)
        {
            return new RiskHint(RiskLevel.LikelyNotNotifiable, ["encrypted"]);
        }

        if (special)
        {
            reasons.Add("special-categories");
        }

        if (bsn)
        {
            reasons.Add("bsn");
        }

        if (special || bsn)
        {
            if (Carriers.Contains(kind) && protection is Protection.None or Protection.Password)
            {
                reasons.Add("not-encrypted");
            }

            return new RiskHint(RiskLevel.LikelyHighRisk, reasons);
        }

        if (Intrusions.Contains(kind))
        {
            reasons.Add("account-compromised");
        }

        if (categories.Contains(DataCategory.Credentials))
        {
            reasons.Add("credentials");
        }

        if (count is AffectedCount.UpTo1000 or AffectedCount.MoreThan1000)
        {
            reasons.Add("many-people");
        }

        if (Carriers.Contains(kind) && protection is Protection.None or Protection.Password)
        {
            reasons.Add("not-encrypted");
        }

        if (reasons.Count > 0)
        {
            return new RiskHint(RiskLevel.LikelyNotifiable, reasons);
        }

        if (kind == BreachKind.EmailWrongRecipient && count == AffectedCount.One)
        {
            return new RiskHint(RiskLevel.Assess, ["single-recipient"]);
        }

        return new RiskHint(RiskLevel.Assess, []);
    }
}
