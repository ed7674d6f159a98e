using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.BotFramework.Hosting;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Testing.BotConnector;

namespace PrivacyAssistant.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Short delays keep the retry tests quick; Retry-After still sets the lower bound.
            ["Bot:ConnectorRetry:BaseDelay"] = "00:00:00.010",
            ["Bot:ConnectorRetry:MaxDelay"] = "00:00:05",
            ["Bot:ConnectorRetry:MaxRetries"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBotFramework();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private IConnectorClient Client() => _services.GetRequiredService<IConnectorClientFactory>().Create(_connector.ServiceUrl);

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task ReplyToActivity_PostsTheActivityToTheReplyUrl()
    {
        var response = await Client().ReplyToActivityAsync("a:1chat", "msg:1", Text("hoi"));

        Assert.Equal("activity-1", response?.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emea/v3/conversations/a%3A1chat/activities/msg%3A1", request.RawTarget);
        Assert.Equal("hoi", request.Text);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task OtherOperations_UseTheirRestRoutes()
    {
        var client = Client();
        await client.SendToConversationAsync("c1", Text("a"));
        await client.UpdateActivityAsync("c1", "m1", Text("b"));
        await client.DeleteActivityAsync("c1", "m1");
        var created = await client.CreateConversationAsync(new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant",
            Activity = Text("proactive"),
        });
        _connector.Members.Add(new() { ["id"] = "29:user", ["name"] = "Jan" });
        var members = await client.GetConversationMembersAsync("c1");
        var member = await client.GetConversationMemberAsync("c1", "29:user");
        var missing = await client.GetConversationMemberAsync("c1", "29:nobody");

        Assert.Equal(
            [
                "POST /emea/v3/conversations/c1/activities",
                "PUT /emea/v3/conversations/c1/activities/m1",
                "DELETE /emea/v3/conversations/c1/activities/m1",
                "POST /emea/v3/conversations",
                "GET /emea/v3/conversations/c1/members",
                "GET /emea/v3/conversations/c1/members/29%3Auser",
                "GET /emea/v3/conversations/c1/members/29%3Anobody",
            ],
            _connector.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
        Assert.StartsWith("conversation-", created.Id);
        Assert.Equal("tenant", _connector.Requests[3].Body!["tenantId"]!.GetValue<string>());
        Assert.False(_connector.Requests[3].Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal("Jan", Assert.Single(members).Name);
        Assert.Equal("Jan", member?.Name);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Throttled_WithRetryAfter_IsRetriedAndSucceeds()
    {
        _connector.Enqueue(HttpStatusCode.TooManyRequests, retryAfterSeconds: 1);

        var response = await Client().SendToConversationAsync("c1", Text("hoi"));

        Assert.NotNull(response?.Id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.Equal("hoi", r.Text));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientErrors_AreRetried(HttpStatusCode status)
    {
        _connector.Enqueue(status, times: 2);

        await Client().SendToConversationAsync("c1", Text("hoi"));

        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task BlockedByUser_IsNotRetried()
    {
        _connector.Enqueue(HttpStatusCode.Forbidden, times: 10, errorCode: "MessageWritesBlocked");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync("c1", Text("hoi")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task PersistentThrottling_GivesUpAfterMaxRetries()
    {
        _connector.Enqueue(HttpStatusCode.BadGateway, times: 10);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync("c1", Text("hoi")));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(4, _connector.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterBeyondTheMaximumDelay_IsNotWaitedFor()
    {
        _connector.Enqueue(HttpStatusCode.TooManyRequests, retryAfterSeconds: 3600);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync("c1", Text("hoi")));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task EmptySuccessBody_GivesNoId()
    {
        _connector.Enqueue(HttpStatusCode.Accepted);

        var response = await Client().ReplyToActivityAsync("c1", "m1", Text("hoi"));

        Assert.Null(response);
    }

    [Fact]
    public async Task BotToken_IsSentAsBearer()
    {
        var client = new ConnectorClient(new HttpClient(), new Uri(_connector.ServiceUrl), new FixedToken("t0ken"));

        await client.SendToConversationAsync("c1", Text("hoi"));

        Assert.Equal("Bearer t0ken", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task BotToken_IsNeverSentWithoutTls()
    {
        var client = new ConnectorClient(new HttpClient(), new Uri("http://connector.example.invalid/"), new FixedToken("t0ken"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendToConversationAsync("c1", Text("hoi")));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative/")]
    public void Factory_RejectsServiceUrlsThatAreNotHttp(string serviceUrl)
    {
        Assert.Throws<ArgumentException>(() => _services.GetRequiredService<IConnectorClientFactory>().Create(serviceUrl));
    }

    private sealed class FixedToken(string token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
