using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyAssistant.Bot.Tests.Support;

/// <summary>The real host (<c>Program</c>) in-process, with configuration overrides and extra service registrations.</summary>
public sealed class BotApplicationFactory(IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
