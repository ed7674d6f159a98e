using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// Configuration and services for admin commands: the same sources as the web host
/// (<c>appsettings.json</c> next to the program, <c>appsettings.{Environment}.json</c>, environment
/// variables) without starting a server. Log lines go to standard error: standard output is the command's result
/// (<c>export-breaches &gt; register.csv</c>, <c>export-examples &gt; desk-questions.tsv</c>, <c>evaluate --json</c>), and
/// a fresh database's migration lines would otherwise land in it.
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
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        configure(builder);
        return builder.Build();
    }
}
