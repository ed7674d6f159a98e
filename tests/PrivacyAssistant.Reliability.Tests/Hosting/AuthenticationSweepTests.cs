using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using PrivacyAssistant.Reliability.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.Reliability.Tests.Hosting;

/// <summary>
/// A sweep of token forgeries against the running host (real <c>Program</c>, real HTTP): every one
/// gets 401 and nothing of the turn runs — no reply reaches the connector, no outgoing token is
/// requested. Valid requests before and after prove the host answers when it should.
/// </summary>
public sealed class AuthenticationSweepTests(AuthenticatedHost host) : IClassFixture<AuthenticatedHost>
{
    private delegate (string? Authorization, JsonObject Activity) Forgery(AuthenticatedHost host);

    private static readonly Dictionary<string, Forgery> Forgeries = new()
    {
        ["alg none, unsigned"] = h => (Bearer(RawJwt.Create(Header("none", h.TeamsKey.KeyId), ValidPayload(h))), Message(h)),
        ["alg NONE in capitals, unsigned"] = h => (Bearer(RawJwt.Create(Header("NONE", h.TeamsKey.KeyId), ValidPayload(h))), Message(h)),
        ["alg none with the signature of a valid token kept"] = h =>
            (Bearer(RawJwt.Replace(h.ValidToken(), header: Header("none", h.TeamsKey.KeyId))), Message(h)),
        ["HS256 keyed with the published public key as JWK JSON"] = h =>
            (Bearer(Hmac(h, Encoding.UTF8.GetBytes(h.TeamsKey.ToJwk().ToJsonString()))), Message(h)),
        ["HS256 keyed with the published modulus"] = h =>
            (Bearer(Hmac(h, Base64UrlEncoder.DecodeBytes(h.TeamsKey.ToJwk()["n"]!.GetValue<string>()))), Message(h)),
        ["HS256 keyed with the published public key as PEM"] = h =>
            (Bearer(Hmac(h, Encoding.ASCII.GetBytes(Rsa(h.TeamsKey).ExportSubjectPublicKeyInfoPem()))), Message(h)),
        ["HS256 keyed with the published public key as DER"] = h =>
            (Bearer(Hmac(h, Rsa(h.TeamsKey).ExportSubjectPublicKeyInfo())), Message(h)),
        ["kid of the Teams key, signed by the web-chat-only key"] = h =>
            (Bearer(RsaSigned(h, h.WebChatKey, kid: h.TeamsKey.KeyId)), Message(h)),
        ["kid of the Teams key, signed by an unpublished key"] = h =>
            (Bearer(RsaSigned(h, TestSigningKey.Create(["msteams"]), kid: h.TeamsKey.KeyId)), Message(h)),
        // Without a usable kid the handler tries every published key; the endorsements must then be
        // those of the key that verified the signature, not of some other key.
        ["no kid, signed by the web-chat-only key, activity from Teams"] = h =>
            (Bearer(RsaSigned(h, h.WebChatKey, kid: null)), Message(h)),
        ["kid of an unknown key, signed by the key without endorsements"] = h =>
            (Bearer(RsaSigned(h, h.UnendorsedKey, kid: "not-published")), Message(h)),
        ["kid of the web-chat-only key, signed by the key without endorsements"] = h =>
            (Bearer(RsaSigned(h, h.UnendorsedKey, kid: h.WebChatKey.KeyId)), Message(h)),
        ["attacker key embedded as jwk header"] = h =>
        {
            var attacker = TestSigningKey.Create(["msteams"]);
            var header = Header("RS256", attacker.KeyId);
            header["jwk"] = attacker.ToJwk();
            return (Bearer(RawJwt.Create(header, ValidPayload(h), input => Rsa(attacker).SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))), Message(h));
        },
        ["jku header pointing at an attacker's key set"] = h =>
        {
            var attacker = TestSigningKey.Create(["msteams"]);
            var header = Header("RS256", attacker.KeyId);
            header["jku"] = "http://127.0.0.1:9/keys";
            return (Bearer(RawJwt.Create(header, ValidPayload(h), input => Rsa(attacker).SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))), Message(h));
        },
        ["PS256 (an algorithm Bot Framework does not use) by the Teams key"] = h =>
            (Bearer(RawJwt.Create(Header("PS256", h.TeamsKey.KeyId), ValidPayload(h), input => Rsa(h.TeamsKey).SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))), Message(h)),
        ["payload changed after signing (audience)"] = h =>
        {
            var token = h.ValidToken(t => t with { Audience = "00000000-0000-0000-0000-00000000beef" });
            var payload = RawJwt.Payload(token);
            payload["aud"] = AuthenticatedHost.AppId;
            return (Bearer(RawJwt.Replace(token, payload: payload)), Message(h));
        },
        ["payload changed after signing (serviceurl)"] = h =>
        {
            var token = h.ValidToken(t => t.WithClaim("serviceurl", "https://attacker.example/"));
            var payload = RawJwt.Payload(token);
            payload["serviceurl"] = h.Connector.ServiceUrl;
            return (Bearer(RawJwt.Replace(token, payload: payload)), Message(h));
        },
        ["signature removed"] = h => (Bearer(h.ValidToken()[..(h.ValidToken().LastIndexOf('.') + 1)]), Message(h)),
        ["expired an hour ago"] = h =>
            (Bearer(h.ValidToken(t => t with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddHours(-1) })), Message(h)),
        ["expired just beyond the 5-minute clock skew"] = h =>
            (Bearer(h.ValidToken(t => t with { NotBefore = DateTimeOffset.UtcNow.AddHours(-1), Expires = DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(-30) })), Message(h)),
        ["not valid for another ten minutes"] = h =>
            (Bearer(h.ValidToken(t => t with { NotBefore = DateTimeOffset.UtcNow.AddMinutes(10), Expires = DateTimeOffset.UtcNow.AddHours(1) })), Message(h)),
        ["no expiry"] = h =>
        {
            var payload = ValidPayload(h);
            payload.Remove("exp");
            return (Bearer(RawJwt.Create(Header("RS256", h.TeamsKey.KeyId), payload, input => Rsa(h.TeamsKey).SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))), Message(h));
        },
        ["issuer with a trailing slash"] = h => (Bearer(h.ValidToken(t => t with { Issuer = "https://api.botframework.com/" })), Message(h)),
        ["issuer over http"] = h => (Bearer(h.ValidToken(t => t with { Issuer = "http://api.botframework.com" })), Message(h)),
        ["issuer of a look-alike domain"] = h => (Bearer(h.ValidToken(t => t with { Issuer = "https://api.botframework.com.attacker.example" })), Message(h)),
        ["Entra issuer of another tenant"] = h =>
            (Bearer(h.Metadata.IssueEntraToken("0f0f0f0f-0000-4000-8000-000000000000", AuthenticatedHost.AppId, AuthenticatedHost.AppId)), Message(h)),
        ["Entra token of the bot's tenant from another app"] = h =>
            (Bearer(h.Metadata.IssueEntraToken(AuthenticatedHost.TenantId, AuthenticatedHost.AppId, "11111111-2222-4333-8444-555555555555")), Message(h)),
        ["audience of another bot"] = h => (Bearer(h.ValidToken(t => t with { Audience = "00000000-0000-0000-0000-000000000001" })), Message(h)),
        ["audience of the Bot Framework API"] = h => (Bearer(h.ValidToken(t => t with { Audience = "https://api.botframework.com" })), Message(h)),
        ["serviceurl claim of another connector"] = h => (Bearer(h.ValidToken(t => t.WithClaim("serviceurl", "https://smba.trafficmanager.net/attacker/"))), Message(h)),
        ["activity redirected to another serviceUrl"] = h =>
            (Bearer(h.ValidToken()), Message(h, serviceUrl: new Uri(new Uri(h.Connector.ServiceUrl), "/attacker/").AbsoluteUri)),
        ["no serviceurl claim"] = h => (Bearer(h.ValidToken(t => t.WithClaim("serviceurl", null))), Message(h)),
        ["key without endorsements"] = h => (Bearer(h.ValidToken(t => t with { SigningKey = h.UnendorsedKey })), Message(h)),
        ["key endorsed for web chat, activity from Teams"] = h => (Bearer(h.ValidToken(t => t with { SigningKey = h.WebChatKey })), Message(h)),
        ["Teams key, activity from a channel it is not endorsed for"] = h =>
        {
            var activity = Message(h);
            activity["channelId"] = "emulator";
            return (Bearer(h.ValidToken()), activity);
        },
        ["token in a Basic header"] = h => ("Basic " + h.ValidToken(), Message(h)),
        ["token without a scheme"] = h => (h.ValidToken(), Message(h)),
    };

    public static TheoryData<string> Cases => new(Forgeries.Keys);

    [Fact]
    public async Task PostMessages_WithAValidToken_Returns200AndTheReplyReachesTheConnector()
    {
        var before = host.Connector.Requests.Count;

        using var response = await PostAsync(Bearer(host.ValidToken()), Message(host));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Connector.WaitForRequestsAsync(before + 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PostMessages_WithForgedToken_Returns401AndRunsNothing(string forgery)
    {
        var (authorization, activity) = Forgeries[forgery](host);
        var connectorBefore = host.Connector.Requests.Count;
        var tokensBefore = host.Entra.Requests.Count;

        using var response = await PostAsync(authorization, activity);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{forgery}: got {(int)response.StatusCode}");
        Assert.DoesNotContain("activities", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A reply would be on its way already; give it a moment to show up before declaring none came.
        await Task.Delay(150);
        Assert.Equal(connectorBefore, host.Connector.Requests.Count);
        Assert.Equal(tokensBefore, host.Entra.Requests.Count);
    }

    [Fact]
    public async Task PostMessages_WithForgedTokenExpectingReplies_Returns401WithoutReplies()
    {
        var token = RawJwt.Create(Header("none", host.TeamsKey.KeyId), ValidPayload(host));

        using var response = await PostAsync(Bearer(token), Message(host).ExpectingReplies());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("activities", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string? authorization, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await host.Client.SendAsync(request);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static JsonObject Message(AuthenticatedHost h, string? serviceUrl = null) =>
        TestActivities.Message("help", serviceUrl ?? h.Connector.ServiceUrl);

    private static JsonObject Header(string algorithm, string? kid)
    {
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    private static JsonObject ValidPayload(AuthenticatedHost h)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["iss"] = OpenIdMetadataServer.BotFrameworkIssuer,
            ["aud"] = AuthenticatedHost.AppId,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
            ["serviceurl"] = h.Connector.ServiceUrl,
        };
    }

    private static string Hmac(AuthenticatedHost h, byte[] secret) =>
        RawJwt.Create(Header("HS256", h.TeamsKey.KeyId), ValidPayload(h), input => HMACSHA256.HashData(secret, input));

    private static string RsaSigned(AuthenticatedHost h, TestSigningKey key, string? kid) =>
        RawJwt.Create(Header("RS256", kid), ValidPayload(h), input => Rsa(key).SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static RSA Rsa(TestSigningKey key) => ((RsaSecurityKey)key.SecurityKey).Rsa;
}
