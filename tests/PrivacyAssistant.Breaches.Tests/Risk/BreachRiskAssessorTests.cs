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

    // Unauthorised access or exposure is not an intrusion: the hint follows the data and the number of people.
    [Theory]
    [InlineData(DataCategory.StudentFile, AffectedCount.UpTo100, RiskLevel.Assess, "")]
    [InlineData(DataCategory.Grades, AffectedCount.UpTo1000, RiskLevel.LikelyNotifiable, "many-people")]
    [InlineData(DataCategory.Health, AffectedCount.UpTo10, RiskLevel.LikelyHighRisk, "special-categories")]
    [InlineData(DataCategory.Bsn, AffectedCount.One, RiskLevel.LikelyHighRisk, "bsn")]
    [InlineData(DataCategory.Credentials, AffectedCount.UpTo10, RiskLevel.LikelyNotifiable, "credentials")]
    public void Assess_UnauthorisedAccess_FollowsTheDataAndTheNumberOfPeople(DataCategory category, AffectedCount count, RiskLevel expected, string reason)
    {
        var hint = BreachRiskAssessor.Assess(BreachKind.UnauthorisedAccess, [category], count, Protection.Unknown);

        string[] reasons = reason.Length == 0 ? [] : [reason];
        Assert.Equal(expected, hint.Level);
        Assert.Equal(reasons, hint.Reasons);
    }

    [Fact]
    public void Assess_UnauthorisedAccessToEncryptedCareData_IsStillLikelyHighRisk() =>
        Assert.Equal(RiskLevel.LikelyHighRisk, BreachRiskAssessor.Assess(BreachKind.UnauthorisedAccess, [DataCategory.Health], AffectedCount.UpTo100, Protection.Encrypted).Level);
}
