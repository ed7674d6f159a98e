using System.Net;
using System.Net.Http.Headers;
using PrivacyAssistant.BotFramework.Connector;

namespace PrivacyAssistant.BotFramework.Tests.Connector;

public sealed class ConnectorRetryPolicyTests
{
    private static readonly ConnectorRetryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), MaxRetries = 4 };
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    public void OnlyTheDocumentedTransientStatuses_AreRetryable(HttpStatusCode status, bool retryable) =>
        Assert.Equal(retryable, ConnectorRetryPolicy.IsRetryable(status));

    [Theory]
    [InlineData(0, 0.5, 1.0)]
    [InlineData(1, 1.0, 2.0)]
    [InlineData(2, 2.0, 4.0)]
    [InlineData(3, 4.0, 8.0)]
    [InlineData(10, 15.0, 30.0)]
    public void Backoff_GrowsExponentiallyWithJitterAndACap(int retry, double minSeconds, double maxSeconds)
    {
        var low = ConnectorRetryPolicy.GetDelay(retry, null, Now, Options, random: 0)!.Value;
        var high = ConnectorRetryPolicy.GetDelay(retry, null, Now, Options, random: 0.999999)!.Value;

        Assert.Equal(minSeconds, low.TotalSeconds, precision: 3);
        Assert.Equal(maxSeconds, high.TotalSeconds, precision: 3);
    }

    [Fact]
    public void RetryAfterInSeconds_IsALowerBound()
    {
        var delay = ConnectorRetryPolicy.GetDelay(0, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now, Options, random: 0.5);

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void RetryAfterShorterThanTheBackoff_KeepsTheBackoff()
    {
        var delay = ConnectorRetryPolicy.GetDelay(3, new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)), Now, Options, random: 0);

        Assert.Equal(TimeSpan.FromSeconds(4), delay);
    }

    [Fact]
    public void RetryAfterAsHttpDate_IsHonoured()
    {
        var delay = ConnectorRetryPolicy.GetDelay(0, new RetryConditionHeaderValue(Now.AddSeconds(12)), Now, Options, random: 0);

        Assert.Equal(TimeSpan.FromSeconds(12), delay);
    }

    [Fact]
    public void RetryAfterBeyondTheMaximum_GivesUp()
    {
        Assert.Null(ConnectorRetryPolicy.GetDelay(0, new RetryConditionHeaderValue(TimeSpan.FromMinutes(5)), Now, Options, random: 0));
    }
}
