using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Breaches.Officers;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Testing.Graph;

namespace PrivacyAssistant.Breaches.Tests.Officers;

public sealed class ConfiguredOfficerDirectoryTests
{
    [Theory]
    [InlineData("officer-1", true)]
    [InlineData("OFFICER-1", true)]
    [InlineData("someone", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public async Task IsOfficer_ChecksTheConfiguredObjectIds(string? id, bool expected)
    {
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { Officers = ["officer-1"] }));

        Assert.Equal(expected, await directory.IsOfficerAsync(id));
    }

    [Fact]
    public async Task IsOfficer_WithAGroup_AsksGraphCheckMemberGroupsWithTheRealSdk()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.Memberships[("member-1", "group-1")] = true;
        var notifications = Options.Create(new NotificationsOptions { Mail = { GraphBaseUrl = graph.BaseUrl } });
        using var membership = new GraphGroupMembership(notifications, () => new FakeTokenCredential(), new FakeTimeProvider());
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { OfficerGroupId = "group-1" }), membership);

        Assert.True(await directory.IsOfficerAsync("member-1"));
        Assert.False(await directory.IsOfficerAsync("member-2"));
    }

    [Fact]
    public async Task IsOfficer_WithAGroup_GraphUnreachable_CountsAsNotAMemberInsteadOfFailing()
    {
        // A port nobody listens on: the SDK throws HttpRequestException, not ApiException.
        var notifications = Options.Create(new NotificationsOptions { Mail = { GraphBaseUrl = "http://127.0.0.1:" + ClosedPort() + "/v1.0" } });
        using var membership = new GraphGroupMembership(notifications, () => new FakeTokenCredential(), new FakeTimeProvider());
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { Officers = ["officer-1"], OfficerGroupId = "group-1" }), membership);

        Assert.False(await directory.IsOfficerAsync("member-1"));
        Assert.True(await directory.IsOfficerAsync("officer-1"));
    }

    [Fact]
    public async Task IsOfficer_WithAGroup_GraphUnreachable_LogsAWarningWithTheErrorTypeOnly()
    {
        var notifications = Options.Create(new NotificationsOptions { Mail = { GraphBaseUrl = "http://127.0.0.1:" + ClosedPort() + "/v1.0" } });
        var logger = new RecordingLogger();
        using var membership = new GraphGroupMembership(notifications, () => new FakeTokenCredential(), new FakeTimeProvider(), logger);
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { OfficerGroupId = "group-7f3a" }), membership);

        Assert.False(await directory.IsOfficerAsync("user-5c1e"));

        var (level, message) = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, level);
        Assert.Contains(nameof(System.Net.Http.HttpRequestException), message, StringComparison.Ordinal);
        Assert.DoesNotContain("user-5c1e", message, StringComparison.Ordinal);
        Assert.DoesNotContain("group-7f3a", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsOfficer_WithAGroup_TokenFailure_CountsAsNotAMemberAndAsksAgainNextTime()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.Memberships[("member-1", "group-1")] = true;
        var notifications = Options.Create(new NotificationsOptions { Mail = { GraphBaseUrl = graph.BaseUrl } });
        var credential = new FlakyCredential();
        using var membership = new GraphGroupMembership(notifications, () => credential, new FakeTimeProvider());
        var directory = new ConfiguredOfficerDirectory(Options.Create(new BreachesOptions { OfficerGroupId = "group-1" }), membership);

        credential.Failing = true;
        Assert.False(await directory.IsOfficerAsync("member-1"));

        // The failure is not cached as "not a member".
        credential.Failing = false;
        Assert.True(await directory.IsOfficerAsync("member-1"));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FlakyCredential : Azure.Core.TokenCredential
    {
        private readonly FakeTokenCredential inner = new();

        public bool Failing { get; set; }

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            Failing ? throw new Azure.Identity.AuthenticationFailedException("Entra ID unreachable.") : inner.GetToken(requestContext, cancellationToken);

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger<GraphGroupMembership>
    {
        public List<(Microsoft.Extensions.Logging.LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
