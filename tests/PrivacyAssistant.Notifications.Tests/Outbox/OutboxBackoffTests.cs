using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Notifications.Tests.Outbox;

public sealed class OutboxBackoffTests
{
    private static readonly OutboxOptions Options = new() { InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromMinutes(5) };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(10, 300)]
    public void Delay_DoublesPerAttemptUpToTheMaximum(int attempt, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxBackoff.Delay(attempt, Options, retryAfter: null, jitterSample: 0.5));

    [Fact]
    public void Delay_StaysWithinTwentyPercentJitter()
    {
        Assert.Equal(TimeSpan.FromSeconds(8), OutboxBackoff.Delay(1, Options, null, 0));
        Assert.Equal(TimeSpan.FromSeconds(12), OutboxBackoff.Delay(1, Options, null, 1));
    }

    [Fact]
    public void Delay_NeverSoonerThanRetryAfter() =>
        Assert.Equal(TimeSpan.FromSeconds(120), OutboxBackoff.Delay(1, Options, TimeSpan.FromSeconds(120), 0.5));
}
