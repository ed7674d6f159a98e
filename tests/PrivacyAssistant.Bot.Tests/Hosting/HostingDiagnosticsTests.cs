using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.Bot.Tests.Support;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.Bot.Tests.Hosting;

/// <summary>
/// appsettings.json turns the "Microsoft.AspNetCore.Hosting.Diagnostics" logger off: at Warning it writes nothing
/// (it logs request start/finish at Information and Debug), but while it is enabled at all ASP.NET Core starts a
/// <see cref="Activity"/> and a log scope for every request (≈ 1.7 KB of garbage per turn in-process; RELIABILITY.md
/// "Session 14, garbage outside answering"). Nothing of ours reads <see cref="Activity.Current"/>.
/// </summary>
public sealed class HostingDiagnosticsTests
{
    [Fact]
    public async Task Request_WithTheShippedSettings_StartsNoActivity()
    {
        var seen = new RequestActivities();
        await using var factory = new BotApplicationFactory(services: seen.Register);
        using var client = factory.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("help", null).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, seen.Requests);
        Assert.Equal(0, seen.WithActivity);
    }

    [Fact]
    public async Task Request_WithHostingDiagnosticsAtWarning_StartsAnActivity()
    {
        // The reason for the setting: the host's check is "is this logger enabled at all", not at a level it logs at.
        var seen = new RequestActivities();
        await using var factory = new BotApplicationFactory(
            new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning" },
            seen.Register);
        using var client = factory.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("help", null).ExpectingReplies());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, seen.WithActivity);
    }

    [Fact]
    public async Task ShippedSettings_KeepWarningsOfTheOtherAspNetCoreLoggers()
    {
        // Unhandled request exceptions are logged by Kestrel (and the exception middlewares), not by Hosting.Diagnostics.
        await using var factory = new BotApplicationFactory();
        var loggers = factory.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Information));
    }

    /// <summary>Counts requests, and those that reach the pipeline with an <see cref="Activity"/> started by the host.</summary>
    private sealed class RequestActivities : IStartupFilter
    {
        private int _requests;
        private int _withActivity;

        public int Requests => _requests;

        public int WithActivity => _withActivity;

        public void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                Interlocked.Increment(ref _requests);
                if (Activity.Current is not null || context.Features.Get<IHttpActivityFeature>()?.Activity is not null)
                {
                    Interlocked.Increment(ref _withActivity);
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
