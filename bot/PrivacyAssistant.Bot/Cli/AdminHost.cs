using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// Configuration and services for admin commands: the same sources as the web host
/// (<c>appsettings.json</c> next to the program, <c>appsettings.{Environment}.json</c>, environment
/// variables) without starting a server.
/// </summary>
public static class AdminHost
{
    /// <summary>Builds a host whose services <paramref name="configure"/> adds; dispose it when done.</summary>
    public static IHost Build(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        configure(builder);
        return builder.Build();
    }
}
