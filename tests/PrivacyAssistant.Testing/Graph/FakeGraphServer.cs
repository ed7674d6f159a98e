using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Testing.Graph;

/// <summary>
/// Microsoft Graph on 127.0.0.1 (random port) for the real <c>GraphServiceClient</c>: records
/// <c>POST /v1.0/users/{id}/sendMail</c> (202 like Graph), can answer 429/503 with Retry-After for
/// the next N requests, and can hold requests open (to stop a host mid-delivery). Requests without
/// the expected bearer token get 401 like Graph.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(HttpStatusCode Status, int? RetryAfterSeconds)> failures = new();
    private readonly ConcurrentQueue<SentMail> sent = new();
    private volatile TaskCompletionSource? hold;
    private int requestCount;
    private int abortedCount;
    private long outageUntilTicks;
    private int refusedCount;
    private int outageRetryAfterSeconds = -1;

    private FakeGraphServer(WebApplication app) => this.app = app;

    public const string ExpectedToken = FakeTokenCredential.Token;

    /// <summary>The bearer token this instance accepts (<see cref="ExpectedToken"/> unless started with another, e.g. a fake managed identity's).</summary>
    public string AcceptedToken { get; private init; } = ExpectedToken;

    /// <summary>Base URL to configure the SDK with, e.g. <c>http://127.0.0.1:5123/v1.0</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Successful sendMail requests, in arrival order.</summary>
    public IReadOnlyList<SentMail> SentMail => sent.ToArray();

    /// <summary>Every sendMail request received, including refused and held ones.</summary>
    public int RequestCount => Volatile.Read(ref requestCount);

    /// <summary>Held requests the client abandoned (connection closed) before they were released.</summary>
    public int AbortedCount => Volatile.Read(ref abortedCount);

    /// <param name="acceptedToken">The bearer token to accept; default <see cref="ExpectedToken"/> (what <see cref="FakeTokenCredential"/> issues).</param>
    public static async Task<FakeGraphServer> StartAsync(string? acceptedToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var server = new FakeGraphServer(app) { AcceptedToken = acceptedToken ?? ExpectedToken };
        app.MapPost("/v1.0/users/{user}/sendMail", server.SendMailAsync);
        app.MapPost("/v1.0/users/{user}/checkMemberGroups", server.CheckMemberGroupsAsync);
        await app.StartAsync();
        var address = app.Urls.Single();
        server.BaseUrl = address.TrimEnd('/') + "/v1.0";
        return server;
    }

    /// <summary>Group memberships answered by <c>checkMemberGroups</c>: (user object id, group id).</summary>
    public ConcurrentDictionary<(string User, string Group), bool> Memberships { get; } = new();

    /// <summary>The next <paramref name="count"/> sendMail requests get <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < count; i++)
        {
            failures.Enqueue((status, retryAfterSeconds));
        }
    }

    /// <summary>Every sendMail request that got a scripted failure (<see cref="FailNext"/> or <see cref="FailFor"/>).</summary>
    public int RefusedCount => Volatile.Read(ref refusedCount);

    /// <summary>An outage: every sendMail request gets 503 (with Retry-After when given) for <paramref name="duration"/> from now.</summary>
    public void FailFor(TimeSpan duration, int? retryAfterSeconds = null)
    {
        Volatile.Write(ref outageRetryAfterSeconds, retryAfterSeconds ?? -1);
        Interlocked.Exchange(ref outageUntilTicks, DateTime.UtcNow.Add(duration).Ticks);
    }

    /// <summary>Whether an outage started with <see cref="FailFor"/> is still going on.</summary>
    public bool InOutage => DateTime.UtcNow.Ticks < Interlocked.Read(ref outageUntilTicks);

    /// <summary>From now on requests wait until <see cref="Release"/> (or until the client gives up).</summary>
    public void Hold() => hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref hold, null)?.TrySetResult();

    private async Task<IResult> SendMailAsync(string user, HttpContext context)
    {
        Interlocked.Increment(ref requestCount);
        if (hold is { } gate)
        {
            try
            {
                await gate.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                Interlocked.Increment(ref abortedCount);
                return Results.Empty;
            }
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization != "Bearer " + AcceptedToken)
        {
            return GraphError(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", null, context);
        }

        if (InOutage)
        {
            Interlocked.Increment(ref refusedCount);
            return GraphError(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", Volatile.Read(ref outageRetryAfterSeconds) is >= 0 and var seconds ? seconds : null, context);
        }

        if (failures.TryDequeue(out var failure))
        {
            Interlocked.Increment(ref refusedCount);
            return GraphError(failure.Status, failure.Status == HttpStatusCode.TooManyRequests ? "TooManyRequests" : "ServiceUnavailable", failure.RetryAfterSeconds, context);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
            ?? throw new InvalidOperationException("sendMail without a body");
        sent.Enqueue(new SentMail(Uri.UnescapeDataString(user), body.AsObject(), context.Request.ContentType ?? string.Empty));
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private async Task<IResult> CheckMemberGroupsAsync(string user, HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AcceptedToken)
        {
            return GraphError(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", null, context);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var asked = (body?.AsObject().FirstOrDefault(pair => string.Equals(pair.Key, "groupIds", StringComparison.OrdinalIgnoreCase)).Value as JsonArray ?? [])
            .Select(id => id?.GetValue<string>() ?? string.Empty);
        var member = asked.Where(group => Memberships.ContainsKey((Uri.UnescapeDataString(user), group))).Select(group => (JsonNode?)group).ToArray();
        var response = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
            ["value"] = new JsonArray(member),
        };
        return Results.Content(response.ToJsonString(), "application/json");
    }

    private static IResult GraphError(HttpStatusCode status, string code, int? retryAfterSeconds, HttpContext context)
    {
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = "Fake Graph refused the request.",
                ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString(), ["date"] = DateTime.UtcNow.ToString("s") },
            },
        };
        return Results.Content(error.ToJsonString(), "application/json", statusCode: (int)status);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>
/// One recorded <c>sendMail</c> request: the mailbox in the URL and the JSON body as sent. Graph
/// reads property names case-insensitively (the SDK sends <c>Message</c>/<c>SaveToSentItems</c>),
/// so the accessors do too.
/// </summary>
public sealed record SentMail(string Mailbox, JsonObject Body, string ContentType)
{
    public JsonObject? Message => Get(Body, "message") as JsonObject;

    public bool? SaveToSentItems => Get(Body, "saveToSentItems")?.GetValue<bool>();

    public string Subject => Get(Message, "subject")?.GetValue<string>() ?? string.Empty;

    public string HtmlContent => Get(Get(Message, "body"), "content")?.GetValue<string>() ?? string.Empty;

    public string ContentKind => Get(Get(Message, "body"), "contentType")?.GetValue<string>() ?? string.Empty;

    public IReadOnlyList<string> To => (Get(Message, "toRecipients") as JsonArray ?? [])
        .Select(recipient => Get(Get(recipient, "emailAddress"), "address")?.GetValue<string>() ?? string.Empty).ToList();

    public string? Header(string name) => (Get(Message, "internetMessageHeaders") as JsonArray ?? [])
        .FirstOrDefault(header => string.Equals(Get(header, "name")?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? Get(found, "value")?.GetValue<string>()
            : null;

    private static JsonNode? Get(JsonNode? node, string name) => node is JsonObject obj
        ? obj.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value
        : null;
}
