using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>
/// In local mode, first in the pipeline: a request that reached the server over a non-loopback
/// address gets 403. Covers the moment between binding and <see cref="LocalModeGuard"/>'s check.
/// </summary>
public sealed class LocalModeLoopbackFilter(IOptions<BotOptions> options) : IStartupFilter
{
    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.IsLocalMode)
        {
            app.Use(async (context, nextMiddleware) =>
            {
                // In-process test servers have no socket; anything with a socket must be loopback.
                if (context.Connection.LocalIpAddress is { } local && !LoopbackAddress.IsLoopback(local))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await nextMiddleware(context);
            });
        }

        next(app);
    };
}
