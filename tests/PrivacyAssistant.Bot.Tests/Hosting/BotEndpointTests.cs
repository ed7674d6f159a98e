using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyAssistant.Bot.Tests.Support;
using PrivacyAssistant.BotFramework;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.BotConnector;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.Bot.Tests.Hosting;

/// <summary>The host as wired in Program.cs: the messaging endpoint with the conversation basics.</summary>
public sealed class BotEndpointTests
{
    [Fact]
    public async Task LocalMode_Help_IsAnsweredWithTheHelpCard()
    {
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("help", null).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]![0]!;
        Assert.Equal("Wat kan de Privacy-assistent?", reply["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task LocalMode_Welcome_ArrivesThroughTheConnector()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var factory = new BotApplicationFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.MembersAdded(connector.ServiceUrl, TestActivities.UserId, TestActivities.BotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("Welkom bij de Privacy-assistent", welcome.FirstAttachmentContent!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithAnAppId_TheHostRequiresATokenAndAcceptsAValidOne()
    {
        const string appId = "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
        const string tenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
        await using var metadata = await OpenIdMetadataServer.StartAsync();
        await using var entra = await FakeEntraTokenEndpoint.StartAsync();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var factory = new BotApplicationFactory(
            new Dictionary<string, string?>
            {
                ["Bot:AppId"] = appId,
                ["Bot:TenantId"] = tenantId,
                ["Bot:ClientSecret"] = "secret",
                ["Bot:OAuthAuthority"] = entra.AuthorityFor(tenantId),
                ["Bot:OpenIdMetadataUrl"] = metadata.BotFrameworkMetadataUrl,
                ["Bot:EntraOpenIdMetadataUrl"] = metadata.EntraMetadataUrl,
            },
            services => services.AddHttpClient(BotHttpClients.Msal).ConfigurePrimaryHttpMessageHandler(entra.CreateTrustingHandler));
        using var client = factory.CreateClient();
        var activity = TestActivities.Message("help", connector.ServiceUrl);

        using var anonymous = await client.PostActivityAsync(activity);
        using var authenticated = await client.PostActivityAsync(activity, metadata.IssueBotFrameworkToken(appId, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        var reply = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal("Bearer entra-access-token-1", reply.Authorization);
        Assert.NotNull(reply.FirstAttachmentContent);
    }
}
