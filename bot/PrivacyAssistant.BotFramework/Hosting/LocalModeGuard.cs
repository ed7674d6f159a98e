using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>
/// Makes it impossible to run without authentication on a public interface by accident. In local
/// mode (no <c>Bot:AppId</c>) the host refuses to start when a configured listen address is not
/// loopback (checked before the server binds) or when it ended up bound to one anyway (checked after),
/// and says clearly that it runs in local mode.
/// </summary>
public sealed partial class LocalModeGuard(
    IOptions<BotOptions> options,
    IConfiguration configuration,
    IServiceProvider services,
    ILogger<LocalModeGuard> logger) : IHostedLifecycleService
{
    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsLocalMode)
        {
            LogAuthenticated(logger, options.Value.AuthType.ToString());
            return Task.CompletedTask;
        }

        var configured = ConfiguredListenUrls().ToList();
        var exposed = configured.Where(url => !LoopbackAddress.IsLoopbackUrl(url)).ToList();
        if (exposed.Count > 0)
        {
            throw Refuse(exposed);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsLocalMode)
        {
            return Task.CompletedTask;
        }

        // No server (a command-line host) or an in-process test server: nothing is listening.
        var addresses = (services.GetService(typeof(IServer)) as IServer)?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var exposed = addresses.Where(url => !LoopbackAddress.IsLoopbackUrl(url)).ToList();
        if (exposed.Count > 0)
        {
            throw Refuse(exposed);
        }

        LogLocalMode(logger, addresses.Count > 0 ? string.Join(", ", addresses) : "an in-process test server");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<string> ConfiguredListenUrls()
    {
        foreach (var key in new[] { "urls", "ASPNETCORE_URLS" })
        {
            if (configuration[key] is { Length: > 0 } urls)
            {
                foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return url;
                }
            }
        }

        // HTTP(S)_PORTS bind every interface (the container images set them).
        foreach (var key in new[] { "http_ports", "https_ports", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            if (configuration[key] is { Length: > 0 } ports)
            {
                foreach (var port in ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return $"http://*:{port}";
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    private InvalidOperationException Refuse(IReadOnlyList<string> exposed)
    {
        var message = "Refusing to start: Bot:AppId is not set (local mode, no authentication), but the host would listen on "
            + string.Join(", ", exposed)
            + ", which is not loopback. Listen on http://127.0.0.1:<port> for local use, or configure the Azure Bot registration (Bot:AppId, Bot:TenantId and a credential).";
        LogRefused(logger, message);
        return new InvalidOperationException(message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LOCAL MODE: Bot:AppId is not set, so tokens are neither checked nor sent. Listening on loopback only: {Addresses}")]
    private static partial void LogLocalMode(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot authentication is on ({AuthType}); every request to the messaging endpoint needs a valid token")]
    private static partial void LogAuthenticated(ILogger logger, string authType);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogRefused(ILogger logger, string message);
}
