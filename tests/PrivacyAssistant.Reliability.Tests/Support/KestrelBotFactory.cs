using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// The real host (<c>Program</c>, every feature it registers) on Kestrel at 127.0.0.1 port 0, so
/// requests go over real HTTP; configuration overrides and extra registrations for the fakes.
/// </summary>
public sealed class KestrelBotFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> configuration;
    private readonly Action<IServiceCollection>? services;

    public KestrelBotFactory(IDictionary<string, string?> configuration, Action<IServiceCollection>? services = null)
    {
        this.configuration = new Dictionary<string, string?>(configuration) { ["Urls"] = "http://127.0.0.1:0" };
        this.services = services;
        UseKestrel();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(configuration));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Starts the server and returns a client for it (base address = the bound loopback port).</summary>
    public HttpClient StartAndCreateClient()
    {
        StartServer();
        return CreateClient();
    }
}
