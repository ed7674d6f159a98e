using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PrivacyAssistant.Bot.Addin;

/// <summary>Serves the Outlook add-in: its built files under <c>/addin/</c> and its policy at <c>/addin/policy.json</c>.</summary>
public static class AddinEndpoints
{
    public const string BasePath = "/addin";

    public static IServiceCollection AddAddin(this IServiceCollection services)
    {
        services.AddOptions<AddinOptions>()
            .BindConfiguration(AddinOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The policy is loaded (and validated) when the host starts, through this singleton.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AddinOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            var config = sp.GetRequiredService<IConfiguration>();
            var botId = string.IsNullOrWhiteSpace(options.TeamsBotId) ? config["Bot:AppId"] : options.TeamsBotId;
            return AddinPolicy.Load(Resolve(env, options.PolicyPath), Resolve(env, options.PolicySchemaPath), botId);
        });
        services.AddHostedService<AddinPolicyStartupCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapAddin(this IEndpointRouteBuilder endpoints)
    {
        var app = (IApplicationBuilder)endpoints;
        var sp = endpoints.ServiceProvider;
        var options = sp.GetRequiredService<IOptions<AddinOptions>>().Value;
        var env = sp.GetRequiredService<IHostEnvironment>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AddinEndpoints).FullName!);

        endpoints.MapMethods(BasePath + "/policy.json", ["GET", "HEAD"], (HttpContext http, AddinPolicy policy) => ServePolicy(http, policy));

        var files = Resolve(env, options.FilesPath);
        if (Directory.Exists(files))
        {
            var types = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [".html"] = "text/html; charset=utf-8",
                [".js"] = "text/javascript; charset=utf-8",
                [".css"] = "text/css; charset=utf-8",
                [".png"] = "image/png",
            });
            var maxAge = options.FilesMaxAgeSeconds;
            app.Use(ServeEventBundle(Path.Combine(files, "launchevent.js"), options));
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = BasePath,
                FileProvider = new PhysicalFileProvider(files),
                ContentTypeProvider = types, // other files in the folder (the CLI, the benchmark) are not served
                ServeUnknownFileTypes = false,
                OnPrepareResponse = ctx =>
                {
                    ctx.Context.Response.Headers.CacheControl = $"public, max-age={maxAge}";
                    ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
                },
            });
            AddinLog.Serving(logger, files, sp.GetRequiredService<AddinPolicy>().Body.Length, sp.GetRequiredService<AddinPolicy>().ETag);
        }
        else
        {
            AddinLog.FilesMissing(logger, files);
        }

        return endpoints;
    }

    /// <summary>The marker addin/build.mjs leaves in the event bundle when no policy URL was given.</summary>
    public const string PolicyUrlMarker = "%%PA_POLICY_URL%%";

    /// <summary>
    /// Serves launchevent.js with this host's policy URL written in. Classic Outlook runs the file in
    /// a JavaScript-only runtime that has no page address to derive the URL from.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> ServeEventBundle(string path, AddinOptions options)
    {
        (DateTime Stamp, string Text)? cached = null;
        var gate = new Lock();
        return async (http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                || !string.Equals(http.Request.Path.Value, BasePath + "/launchevent.js", StringComparison.Ordinal)
                || !File.Exists(path))
            {
                await next(http);
                return;
            }

            var stamp = File.GetLastWriteTimeUtc(path);
            string text;
            lock (gate)
            {
                if (cached is null || cached.Value.Stamp != stamp)
                {
                    cached = (stamp, File.ReadAllText(path));
                }

                text = cached.Value.Text;
            }

            var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
                ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
                : options.PublicBaseUrl.TrimEnd('/');
            var body = text.Replace(PolicyUrlMarker, baseUrl + BasePath + "/policy.json", StringComparison.Ordinal);
            http.Response.ContentType = "text/javascript; charset=utf-8";
            http.Response.Headers.CacheControl = $"public, max-age={options.FilesMaxAgeSeconds}";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (HttpMethods.IsHead(http.Request.Method))
            {
                return;
            }

            await http.Response.WriteAsync(body, http.RequestAborted);
        };
    }

    private static IResult ServePolicy(HttpContext http, AddinPolicy policy)
    {
        var headers = http.Response.Headers;
        // Clients revalidate every time (cheap with the ETag); the add-in keeps its own cached copy.
        headers.CacheControl = "no-cache";
        headers.ETag = policy.ETag;
        // Classic Outlook's JavaScript-only runtime fetches cross-origin; the policy holds no secrets.
        headers.AccessControlAllowOrigin = "*";
        headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == policy.ETag || t.Trim() == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(policy.Body, "application/json; charset=utf-8");
    }

    internal static string Resolve(IHostEnvironment env, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(env.ContentRootPath, path));

    /// <summary>Resolves the policy while the host starts, so a broken file stops start-up with its name.</summary>
    private sealed class AddinPolicyStartupCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<AddinPolicy>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
