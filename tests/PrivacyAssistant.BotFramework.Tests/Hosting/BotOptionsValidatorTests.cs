using PrivacyAssistant.BotFramework.Hosting;

namespace PrivacyAssistant.BotFramework.Tests.Hosting;

public sealed class BotOptionsValidatorTests
{
    private const string AppId = "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    private const string TenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    public static TheoryData<string, BotOptions> ValidOptions => new()
    {
        { "local mode", new BotOptions() },
        { "single tenant with secret", new BotOptions { AppId = AppId, TenantId = TenantId, ClientSecret = "s" } },
        { "multi tenant with secret", new BotOptions { AppId = AppId, AuthType = BotAuthType.MultiTenant, ClientSecret = "s" } },
        { "managed identity", new BotOptions { AppId = AppId, AuthType = BotAuthType.UserAssignedMSI, TenantId = TenantId } },
        { "loopback metadata for tests", new BotOptions { OpenIdMetadataUrl = "http://127.0.0.1:5000/keys" } },
    };

    [Theory]
    [MemberData(nameof(ValidOptions))]
    public void Validate_AcceptsSensibleConfigurations(string why, BotOptions options) =>
        Assert.True(new BotOptionsValidator().Validate(null, options).Succeeded, why);

    public static TheoryData<string, BotOptions, string> InvalidOptions => new()
    {
        { "app id not a GUID", new BotOptions { AppId = "my-bot", TenantId = TenantId, ClientSecret = "s" }, "Bot:AppId" },
        { "single tenant without tenant", new BotOptions { AppId = AppId, ClientSecret = "s" }, "Bot:TenantId" },
        { "no credential", new BotOptions { AppId = AppId, TenantId = TenantId }, "exactly one credential" },
        { "two credentials", new BotOptions { AppId = AppId, TenantId = TenantId, ClientSecret = "s", CertificatePath = "/etc/hostname" }, "exactly one credential" },
        { "missing certificate file", new BotOptions { AppId = AppId, TenantId = TenantId, CertificatePath = "/nonexistent/bot.pfx" }, "CertificatePath" },
        { "managed identity with secret", new BotOptions { AppId = AppId, AuthType = BotAuthType.UserAssignedMSI, TenantId = TenantId, ClientSecret = "s" }, "UserAssignedMSI" },
        { "secret without app id", new BotOptions { ClientSecret = "s" }, "local mode" },
        { "metadata over plain http", new BotOptions { OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration" }, "OpenIdMetadataUrl" },
        { "authority over plain http", new BotOptions { OAuthAuthority = "http://login.example.com/t" }, "OAuthAuthority" },
        { "tiny body limit", new BotOptions { MaxRequestBodyBytes = 10 }, "MaxRequestBodyBytes" },
        { "negative retries", new BotOptions { ConnectorRetry = new ConnectorRetryOptions { MaxRetries = -1 } }, "ConnectorRetry" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_RejectsMisconfigurationsWithAMessageNamingTheSetting(string why, BotOptions options, string mentioned)
    {
        var result = new BotOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, why);
        Assert.Contains(mentioned, result.FailureMessage, StringComparison.Ordinal);
    }
}
