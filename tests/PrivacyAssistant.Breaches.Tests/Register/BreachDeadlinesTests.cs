using PrivacyAssistant.Breaches.Register;

namespace PrivacyAssistant.Breaches.Tests.Register;

public sealed class BreachDeadlinesTests
{
    [Theory]
    // Discovered on the Friday before the spring change (CET): the deadline is 72 real hours later, 11:00 summer time.
    [InlineData("2026-03-27T09:00:00Z", "2026-03-30T09:00:00Z")]
    // Discovered on the Friday before the autumn change (CEST): 72 real hours later is 09:00 winter time.
    [InlineData("2026-10-23T08:00:00Z", "2026-10-26T08:00:00Z")]
    public void DeadlineFor_AcrossAClockChange_IsSeventyTwoRealHoursAfterDiscovery(string discovered, string deadline) =>
        Assert.Equal(DateTimeOffset.Parse(deadline), BreachDeadlines.DeadlineFor(DateTimeOffset.Parse(discovered)));
}
