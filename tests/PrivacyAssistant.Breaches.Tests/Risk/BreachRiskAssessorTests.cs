using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Breaches.Risk;

namespace PrivacyAssistant.Breaches.Tests.Risk;

public sealed class BreachRiskAssessorTests
{
    [Fact]
    public void Assess_EncryptedLostLaptop_IsLikelyNotNotifiable() =>
        Assert.Equal(RiskLevel.LikelyNotNotifiable, BreachRiskAssessor.Assess(BreachKind.LostDevice, [DataCategory.Health], AffectedCount.UpTo100, Protection.Encrypted).Level);

    [Fact]
    public void Assess_UnencryptedUsbStickWithHealthData_IsLikelyHighRiskWithReasons()
    {
        var hint = BreachRiskAssessor.Assess(BreachKind.UsbStick, [DataCategory.Health, DataCategory.Bsn], AffectedCount.UpTo10, Protection.None);

        Assert.Equal(RiskLevel.LikelyHighRisk, hint.Level);
        Assert.Equal(["special-categories", "bsn", "not-encrypted"], hint.Reasons);
    }

    [Fact]
    public void Assess_HackedAccountEvenIfEncrypted_IsLikelyNotifiable() =>
        Assert.Equal(RiskLevel.LikelyNotifiable, BreachRiskAssessor.Assess(BreachKind.HackedAccount, [DataCategory.Contact], AffectedCount.UpTo10, Protection.Encrypted).Level);

    [Fact]
    public void Assess_SingleWrongRecipientWithContactDetails_NeedsAssessment() =>
        Assert.Equal(RiskLevel.Assess, BreachRiskAssessor.Assess(BreachKind.EmailWrongRecipient, [DataCategory.Contact], AffectedCount.One, Protection.Unknown).Level);
}
