using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Hosting;

namespace PrivacyAssistant.BotFramework.Tests.Hosting;

public sealed class LocalModeGuardTests
{
    private static LocalModeGuard Guard(BotOptions options, IDictionary<string, string?> configuration, params string[] boundAddresses)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IServer>(new FakeServer(boundAddresses));
        return new LocalModeGuard(
            Options.Create(options),
            new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            services.BuildServiceProvider(),
            NullLogger<LocalModeGuard>.Instance);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:3978")]
    [InlineData("urls", "http://127.0.0.1:3978;http://*:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://+:80")]
    public async Task LocalMode_WithNonLoopbackListenConfiguration_RefusesBeforeBinding(string key, string value)
    {
        var guard = Guard(new BotOptions(), new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartingAsync(CancellationToken.None));

        Assert.Contains("Refusing to start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_BoundToANonLoopbackAddressAnyway_RefusesAfterBinding()
    {
        var guard = Guard(new BotOptions(), new Dictionary<string, string?>(), "http://[::]:8080");

        await guard.StartingAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LocalMode_OnLoopback_Starts()
    {
        var guard = Guard(new BotOptions(), new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:3978" }, "http://127.0.0.1:3978");

        await guard.StartingAsync(CancellationToken.None);
        await guard.StartedAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithAppId_AnyAddressIsAllowed()
    {
        var options = new BotOptions { AppId = "3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b" };
        var guard = Guard(options, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:3978" }, "http://[::]:3978");

        await guard.StartingAsync(CancellationToken.None);
        await guard.StartedAsync(CancellationToken.None);
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
