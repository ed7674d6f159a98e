using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Hosting;

namespace PrivacyAssistant.BotFramework.Tests.Support;

/// <summary>
/// The protocol layer alone in an in-process host: <c>AddBotFramework()</c>, <c>MapBotMessages()</c>
/// and the test handlers, with configuration overrides (e.g. <c>Bot:AppId</c>, metadata URLs).
/// </summary>
public sealed class TestEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestEndpointHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public TurnLog Log => _app.Services.GetRequiredService<TurnLog>();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestEndpointHost> StartAsync(IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = [] });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Services.AddBotFramework();
        builder.Services.AddSingleton<TurnLog>();
        builder.Services.AddMessageHandler<CrashHandler>(RouteOrder.Commands);
        builder.Services.AddMessageHandler<SecondHandler>(RouteOrder.Default);
        builder.Services.AddMessageHandler<FirstHandler>(RouteOrder.Intents);
        builder.Services.AddMessageHandler<EchoHandler>(RouteOrder.CatchAll);
        builder.Services.AddCardAction<TestCardActions>("test.card");
        builder.Services.AddCardAction<TestCardActions>("test.message");
        builder.Services.AddCardAction<TestCardActions>("test.error");
        builder.Services.AddCardAction<TestCardActions>("test.throw");
        builder.Services.AddCardAction<TestCardActions>("test.prefix.*");
        builder.Services.AddInvokeHandler<PingInvoke>("test/ping");
        builder.Services.AddMembersAddedHandler<RecordingMembersAdded>();
        builder.Services.AddActivityHandler<RecordingInstallation>("installationUpdate");
        builder.Services.SetFallbackHandler<RecordingFallback>();
        builder.Services.SetTurnErrorHandler<RecordingErrorHandler>();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        return new TestEndpointHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
