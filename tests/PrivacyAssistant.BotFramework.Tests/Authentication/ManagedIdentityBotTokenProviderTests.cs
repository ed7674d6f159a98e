using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.BotFramework.Tests.Authentication;

/// <summary>
/// Azure.Identity's ManagedIdentityCredential against a loopback App Service identity endpoint.
/// It reads process-wide environment variables, so this class runs alone.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ManagedIdentityBotTokenProviderTests
{
    [Fact]
    public async Task UserAssignedMsi_RequestsATokenForTheConnectorWithTheAppIdAsClientId()
    {
        await using var endpoint = await FakeManagedIdentityEndpoint.StartAsync();
        var previous = endpoint.EnvironmentVariables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in endpoint.EnvironmentVariables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var provider = new ManagedIdentityBotTokenProvider(Options.Create(new BotOptions
            {
                AppId = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                AuthType = BotAuthType.UserAssignedMSI,
                TenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            }));

            var token = await provider.GetTokenAsync(CancellationToken.None);

            Assert.Equal("managed-identity-access-token", token);
            var query = Assert.Single(endpoint.Requests);
            Assert.Equal("https://api.botframework.com", query["resource"]);
            Assert.Equal("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", query["client_id"]);
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
