using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using PrivacyAssistant.Testing.Http;

namespace PrivacyAssistant.Testing.BotConnector;

/// <summary>
/// A Bot Connector service on 127.0.0.1 (<c>/v3/conversations/…</c> under <see cref="ServiceUrl"/>)
/// that records every request and answers like the real one: <c>{"id":…}</c> for sends, replies and
/// updates, <c>{"id","activityId"}</c> for create conversation, the members for member lookups.
/// Script failures with <see cref="Enqueue"/> (e.g. 429 with Retry-After, 403 MessageWritesBlocked).
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _nextId;

    private FakeBotConnector(LoopbackServer server) => _server = server;

    /// <summary>The service URL to put in activities: has a path, like Teams' <c>https://smba.trafficmanager.net/emea/</c>.</summary>
    public string ServiceUrl => new Uri(_server.BaseAddress, "emea/").AbsoluteUri;

    /// <summary>Members returned by the member endpoints.</summary>
    public List<JsonObject> Members { get; } = [];

    /// <summary>Requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the fake.</summary>
    public static async Task<FakeBotConnector> StartAsync()
    {
        FakeBotConnector? self = null;
        var server = await LoopbackServer.StartAsync(app => app.Map("/emea/{**rest}", (HttpContext http) => self!.HandleAsync(http)));
        self = new FakeBotConnector(server);
        return self;
    }

    /// <summary>
    /// The next <paramref name="times"/> requests get <paramref name="status"/>, with a
    /// <c>Retry-After</c> in seconds and a Bot Framework error body with <paramref name="errorCode"/> if given.
    /// </summary>
    public void Enqueue(HttpStatusCode status, int times = 1, int? retryAfterSeconds = null, string? errorCode = null)
    {
        for (var i = 0; i < times; i++)
        {
            _script.Enqueue(new ScriptedResponse(status, retryAfterSeconds, errorCode));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (default timeout 10 s) and returns them.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (Requests.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} connector request(s), got {Requests.Count}.");
            }
        }

        return Requests;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        JsonNode? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }

        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path.Value ?? string.Empty;
        lock (_lock)
        {
            _requests.Add(new RecordedRequest(http.Request.Method, rawTarget, http.Request.Headers.Authorization.FirstOrDefault(), body));
        }

        _arrived.Release();

        if (_script.TryDequeue(out var scripted))
        {
            http.Response.StatusCode = (int)scripted.Status;
            if (scripted.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (scripted.ErrorCode is { } code)
            {
                await http.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = "Scripted failure." } });
            }

            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        var path = http.Request.Path.Value ?? string.Empty;
        switch (http.Request.Method)
        {
            case "POST" when path.EndsWith("/v3/conversations", StringComparison.Ordinal):
                http.Response.StatusCode = StatusCodes.Status201Created;
                await http.Response.WriteAsJsonAsync(new JsonObject { ["id"] = $"conversation-{id}", ["activityId"] = $"activity-{id}" });
                break;
            case "POST":
                http.Response.StatusCode = StatusCodes.Status201Created;
                await http.Response.WriteAsJsonAsync(new JsonObject { ["id"] = $"activity-{id}" });
                break;
            case "PUT":
                await http.Response.WriteAsJsonAsync(new JsonObject { ["id"] = body?["id"]?.GetValue<string>() ?? $"activity-{id}" });
                break;
            case "GET" when path.EndsWith("/members", StringComparison.Ordinal):
                await http.Response.WriteAsJsonAsync(new JsonArray(Members.Select(m => (JsonNode?)m.DeepClone()).ToArray()));
                break;
            case "GET" when path.Contains("/members/", StringComparison.Ordinal):
                var memberId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
                var member = Members.FirstOrDefault(m => m["id"]?.GetValue<string>() == memberId);
                if (member is null)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                }
                else
                {
                    await http.Response.WriteAsJsonAsync(member);
                }

                break;
            default:
                http.Response.StatusCode = StatusCodes.Status200OK;
                break;
        }
    }

    private sealed record ScriptedResponse(HttpStatusCode Status, int? RetryAfterSeconds, string? ErrorCode);
}
