using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using PrivacyAssistant.BotFramework.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.BotFramework.Tests.Hosting;

public sealed class MessagesEndpointAuthenticationTests : IAsyncLifetime
{
    private AuthenticatedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await AuthenticatedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task PostMessages_WithValidBotFrameworkToken_Returns200AndRepliesWithTheBotsOwnToken()
    {
        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["echo"], _bot.Host.Log.Entries);
        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal("Bearer entra-access-token-1", reply.Authorization);

        // The outgoing token came from the configured tenant with the Bot Framework scope and the app's secret.
        var tokenRequest = Assert.Single(_bot.Entra.Requests);
        Assert.Equal(AuthenticatedBot.TenantId, tokenRequest.Tenant);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        Assert.Equal(AuthenticatedBot.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal(AuthenticatedBot.ClientSecret, tokenRequest.Form["client_secret"]);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
    }

    public static TheoryData<string, Func<TestToken, TestToken>> ForgedTokens => new()
    {
        { "signed with an unpublished key", t => t with { SigningKey = TestSigningKey.Create(["msteams"]) } },
        { "wrong audience", t => t with { Audience = "00000000-0000-0000-0000-000000000001" } },
        { "wrong issuer", t => t with { Issuer = "https://api.botframework.evil" } },
        { "expired beyond the clock skew", t => t with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddMinutes(-6) } },
        { "not valid yet beyond the clock skew", t => t with { NotBefore = DateTimeOffset.UtcNow.AddMinutes(6), Expires = DateTimeOffset.UtcNow.AddHours(1) } },
        { "serviceurl claim of another connector", t => t.WithClaim("serviceurl", "https://smba.trafficmanager.net/evil/") },
        { "no serviceurl claim", t => t.WithClaim("serviceurl", null) },
        { "HMAC instead of RSA", t => t with { SigningKey = TestSigningKey.CreateSymmetric(), Algorithm = SecurityAlgorithms.HmacSha256 } },
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task PostMessages_WithForgedToken_Returns401AndRunsNothing(string why, Func<TestToken, TestToken> forge)
    {
        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl), _bot.ValidToken(forge));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: got {(int)response.StatusCode}");
        await AssertNothingRanAsync();
    }

    [Fact]
    public async Task PostMessages_WithKeyNotEndorsedForTheChannel_Returns401AndRunsNothing()
    {
        var webchatOnly = TestSigningKey.Create(["webchat"]);
        _bot.Metadata.PublishBotFrameworkKeys(_bot.Metadata.BotFrameworkKey, webchatOnly);

        using var response = await _bot.Host.Client.PostActivityAsync(
            TestActivities.Message("hallo", _bot.Connector.ServiceUrl),
            _bot.ValidToken(t => t with { SigningKey = webchatOnly }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingRanAsync();
    }

    [Fact]
    public async Task PostMessages_WithSignatureOfAnotherKeyUnderAPublishedKeyId_Returns401()
    {
        var impostor = TestSigningKey.Create(["msteams"]);
        var forgedKey = new RsaSecurityKey(((RsaSecurityKey)impostor.SecurityKey).Rsa) { KeyId = _bot.Metadata.BotFrameworkKey.KeyId };
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AuthenticatedBot.AppId,
            Expires = DateTime.UtcNow.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = _bot.Connector.ServiceUrl },
            SigningCredentials = new SigningCredentials(forgedKey, SecurityAlgorithms.RsaSha256),
        });

        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingRanAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task PostMessages_WithoutAUsableToken_Returns401AndRunsNothing(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Message("hallo", _bot.Connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _bot.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertNothingRanAsync();
    }

    [Fact]
    public async Task PostMessages_WithTokenExpiredWithinTheClockSkew_IsAccepted()
    {
        var token = _bot.ValidToken(t => t with { NotBefore = DateTimeOffset.UtcNow.AddHours(-1), Expires = DateTimeOffset.UtcNow.AddMinutes(-3) });

        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostMessages_ComparesTheServiceUrlClaimCaseInsensitively()
    {
        var token = _bot.ValidToken(t => t.WithClaim("serviceurl", _bot.Connector.ServiceUrl.ToUpperInvariant().Replace("HTTP://", "http://", StringComparison.Ordinal)));

        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task PostMessages_WithEntraTokenOfTheBotsTenant_IsAccepted(int version)
    {
        var token = _bot.Metadata.IssueEntraToken(AuthenticatedBot.TenantId, AuthenticatedBot.AppId, AuthenticatedBot.AppId, version);

        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl).ExpectingReplies(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["echo"], _bot.Host.Log.Entries);
    }

    [Theory]
    [InlineData("another tenant")]
    [InlineData("another calling app")]
    [InlineData("signed with a Bot Framework key")]
    public async Task PostMessages_WithUnacceptableEntraToken_Returns401(string why)
    {
        var token = why switch
        {
            "another tenant" => _bot.Metadata.IssueEntraToken("0f0f0f0f-0000-4000-8000-000000000000", AuthenticatedBot.AppId, AuthenticatedBot.AppId),
            "another calling app" => _bot.Metadata.IssueEntraToken(AuthenticatedBot.TenantId, AuthenticatedBot.AppId, "0e0e0e0e-0000-4000-8000-000000000000"),
            _ => _bot.Metadata.IssueEntraToken(AuthenticatedBot.TenantId, AuthenticatedBot.AppId, AuthenticatedBot.AppId, customize: t => t with { SigningKey = _bot.Metadata.BotFrameworkKey }),
        };

        using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingRanAsync();
    }

    [Fact]
    public async Task SigningKeys_AreCachedBetweenRequests()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("hallo", _bot.Connector.ServiceUrl).ExpectingReplies(), _bot.ValidToken());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, _bot.Metadata.BotFrameworkKeyFetches);
    }

    [Fact]
    public async Task SigningKeys_AreRefetchedWhenATokenNamesANewKey()
    {
        using (var first = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("one", _bot.Connector.ServiceUrl).ExpectingReplies(), _bot.ValidToken()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var rolled = TestSigningKey.Create(["msteams"]);
        _bot.Metadata.PublishBotFrameworkKeys(rolled);

        using var second = await _bot.Host.Client.PostActivityAsync(TestActivities.Message("two", _bot.Connector.ServiceUrl).ExpectingReplies(), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _bot.Metadata.BotFrameworkKeyFetches);
    }

    [Fact]
    public async Task PostMessages_WhenSigningKeysCannotBeFetched_Returns503AndRunsNothing()
    {
        await using var unreachable = await AuthenticatedBot.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:OpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
        });

        using var response = await unreachable.Host.Client.PostActivityAsync(TestActivities.Message("hallo", unreachable.Connector.ServiceUrl), unreachable.ValidToken());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(unreachable.Host.Log.Entries);
    }

    private async Task AssertNothingRanAsync()
    {
        Assert.Empty(_bot.Host.Log.Entries);

        // A reply would be on its way already; give it a moment to show up before declaring none came.
        await Task.Delay(100);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Empty(_bot.Entra.Requests);
    }
}
