using Microsoft.Extensions.Options;
using PrivacyAssistant.Bot.Tests.Support;

namespace PrivacyAssistant.Bot.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Fact]
    public void MisconfiguredBot_FailsAtStartUpNamingTheSetting()
    {
        using var factory = new BotApplicationFactory(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "not-a-guid",
            ["Bot:ClientSecret"] = "secret",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains(validation.Failures, f => f.Contains("Bot:AppId", StringComparison.Ordinal));
        Assert.Contains(validation.Failures, f => f.Contains("Bot:TenantId", StringComparison.Ordinal));
    }
}
