using PrivacyAssistant.Storage.Retention;

namespace PrivacyAssistant.Storage.Tests.Retention;

public sealed class RetentionRuleTests
{
    [Theory]
    [InlineData("events; DROP TABLE x", "created_at")]
    [InlineData("events", "created_at OR 1=1")]
    [InlineData("Events", "created_at")]
    public void Validate_WithUnsafeIdentifier_Throws(string table, string column) =>
        Assert.Throws<InvalidOperationException>(() => new RetentionRule(table, column, TimeSpan.FromDays(1), "test").Validate());

    [Fact]
    public void Validate_WithNonPositiveAge_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new RetentionRule("events", "created_at", TimeSpan.Zero, "test").Validate());
}
