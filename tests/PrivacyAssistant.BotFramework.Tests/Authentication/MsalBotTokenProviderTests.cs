using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.BotFramework.Tests.Authentication;

/// <summary>The real MSAL client against a loopback Entra token endpoint.</summary>
public sealed class MsalBotTokenProviderTests : IAsyncLifetime
{
    private const string AppId = "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    private const string TenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private FakeEntraTokenEndpoint _entra = null!;

    public async Task InitializeAsync() => _entra = await FakeEntraTokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await _entra.DisposeAsync();

    private MsalBotTokenProvider Provider(BotOptions options) =>
        new(Options.Create(options), new TrustingMsalHttpClientFactory(new HttpClient(_entra.CreateTrustingHandler())));

    [Fact]
    public async Task SingleTenantWithSecret_RequestsTheBotFrameworkScopeFromTheTenantAndCachesTheToken()
    {
        var provider = Provider(new BotOptions
        {
            AppId = AppId,
            AuthType = BotAuthType.SingleTenant,
            TenantId = TenantId,
            ClientSecret = "s3cret",
            OAuthAuthority = _entra.AuthorityFor(TenantId),
        });

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("entra-access-token-1", first);
        Assert.Equal(first, second);
        var request = Assert.Single(_entra.Requests);
        Assert.Equal(TenantId, request.Tenant);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
        Assert.Equal(AppId, request.Form["client_id"]);
        Assert.Equal("s3cret", request.Form["client_secret"]);
    }

    [Fact]
    public async Task Certificate_IsUsedForASignedClientAssertion()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=privacy-assistant-bot", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(Path.GetTempPath(), $"bot-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            var provider = Provider(new BotOptions
            {
                AppId = AppId,
                AuthType = BotAuthType.SingleTenant,
                TenantId = TenantId,
                CertificatePath = path,
                CertificatePassword = "pfx-password",
                OAuthAuthority = _entra.AuthorityFor(TenantId),
            });

            await provider.GetTokenAsync(CancellationToken.None);

            var form = Assert.Single(_entra.Requests).Form;
            Assert.False(form.ContainsKey("client_secret"));
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"], new TokenValidationParameters
            {
                ValidIssuer = AppId,
                ValidAudience = new Uri(_entra.BaseAddress, $"{TenantId}/oauth2/v2.0/token").AbsoluteUri,
                IssuerSigningKey = new X509SecurityKey(X509CertificateLoader.LoadCertificate(certificate.RawData)),
            });
            Assert.True(validation.IsValid, validation.Exception?.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(BotAuthType.MultiTenant, null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData(BotAuthType.SingleTenant, null, "https://login.microsoftonline.com/" + TenantId)]
    [InlineData(BotAuthType.SingleTenant, "https://login.microsoftonline.us/" + TenantId + "/", "https://login.microsoftonline.us/" + TenantId)]
    public void Authority_FollowsTheAuthType(BotAuthType authType, string? overrideAuthority, string expected)
    {
        var options = new BotOptions { AppId = AppId, AuthType = authType, TenantId = TenantId, OAuthAuthority = overrideAuthority };

        Assert.Equal(expected, MsalBotTokenProvider.AuthorityFor(options));
    }

    private sealed class TrustingMsalHttpClientFactory(HttpClient client) : Microsoft.Identity.Client.IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
