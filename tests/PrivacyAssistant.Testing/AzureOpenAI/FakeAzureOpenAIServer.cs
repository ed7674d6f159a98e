using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace PrivacyAssistant.Testing.AzureOpenAI;

/// <summary>
/// Azure OpenAI on 127.0.0.1 (random port) speaking the REST wire format the official SDK uses:
/// <c>POST /openai/deployments/{deployment}/embeddings</c> and <c>…/chat/completions</c> with the
/// <c>api-version</c> query parameter, authenticated by the <c>api-key</c> header or an
/// <c>Authorization: Bearer</c> token (401 otherwise, 404 for an unknown deployment, 400 without
/// api-version — like the service). Embeddings are a deterministic bag-of-words hash (similar
/// wording → similar vectors), returned as floats or base64 as requested. Chat replies come from
/// <see cref="ChatReply"/>. Records every request body so tests can prove what left the process.
/// Can fail the next N requests (429 with Retry-After, 500) and hold requests (a slow service).
/// </summary>
public sealed partial class FakeAzureOpenAIServer : IAsyncDisposable
{
    public const string ApiKey = "fake-azure-openai-key";
    public const string ChatDeployment = "gpt-4o-mini";
    public const string EmbeddingsDeployment = "text-embedding-3-small";
    public const int Dimensions = 256;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HttpStatusCode> _failures = new();
    private readonly ConcurrentQueue<AzureOpenAIRequest> _requests = new();
    private volatile TaskCompletionSource? _hold;
    private int _received;

    private FakeAzureOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The endpoint to configure, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>A bearer token accepted instead of the key (what a TokenCredential hands out in tests).</summary>
    public string? AcceptedBearerToken { get; set; }

    /// <summary>Builds the assistant message content from the request; default: cite the first entry offered.</summary>
    public Func<JsonObject, string> ChatReply { get; set; } = DefaultChatReply;

    /// <summary>Turns a text into a vector; default: <see cref="BagOfWords"/>.</summary>
    public Func<string, float[]> Embed { get; set; } = BagOfWords;

    /// <summary>Requests that reached a handler (including refused ones), in arrival order.</summary>
    public IReadOnlyList<AzureOpenAIRequest> Requests => _requests.ToArray();

    /// <summary>Requests received so far, also those still held.</summary>
    public int Received => Volatile.Read(ref _received);

    public static async Task<FakeAzureOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1AndHttp2));
        var app = builder.Build();
        var server = new FakeAzureOpenAIServer(app);
        app.MapPost("/openai/deployments/{deployment}/{**operation}", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = app.Urls.Single().TrimEnd('/') + "/";
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/> (429 with Retry-After: 1).</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>From now on requests wait until <see cref="Release"/> or until the client gives up.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Received < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {count} requests, got {Received}.");
            }

            await Task.Delay(10);
        }
    }

    private async Task<IResult> HandleAsync(string deployment, string operation, HttpContext context)
    {
        Interlocked.Increment(ref _received);
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var apiKey = context.Request.Headers["api-key"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        var apiVersion = context.Request.Query["api-version"].ToString();
        _requests.Enqueue(new AzureOpenAIRequest(deployment, operation, apiVersion, apiKey.Length > 0 ? "api-key" : authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? "bearer" : "none", body));

        if (_hold is { } gate)
        {
            try
            {
                await gate.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        var authorized = apiKey == ApiKey || (AcceptedBearerToken is not null && authorization == "Bearer " + AcceptedBearerToken);
        if (!authorized)
        {
            return Error(HttpStatusCode.Unauthorized, "401", "Access denied due to invalid subscription key or wrong API endpoint.", context);
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            return Error(HttpStatusCode.BadRequest, "BadRequest", "Missing api-version query parameter.", context);
        }

        if (_failures.TryDequeue(out var failure))
        {
            if (failure == HttpStatusCode.TooManyRequests)
            {
                context.Response.Headers.RetryAfter = "1";
                return Error(failure, "429", "Requests to the deployment have exceeded the token rate limit of your current pricing tier.", context);
            }

            return Error(failure, "InternalServerError", "The server had an error while processing your request.", context);
        }

        var request = JsonNode.Parse(body) as JsonObject ?? throw new InvalidOperationException("Request body is not a JSON object.");
        return (operation, deployment) switch
        {
            ("embeddings", EmbeddingsDeployment) => Embeddings(request),
            ("chat/completions", ChatDeployment) => Chat(request),
            _ => Error(HttpStatusCode.NotFound, "DeploymentNotFound", "The API deployment for this resource does not exist.", context),
        };
    }

    private IResult Embeddings(JsonObject request)
    {
        var inputs = request["input"] switch
        {
            JsonArray array => array.Select(i => i!.GetValue<string>()).ToList(),
            JsonValue single => [single.GetValue<string>()],
            _ => throw new InvalidOperationException("embeddings without input"),
        };
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Embed(inputs[i]);
            JsonNode embedding = base64 ? JsonValue.Create(ToBase64(vector)) : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(t => t.Length / 4 + 1);
        return Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = EmbeddingsDeployment,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    private IResult Chat(JsonObject request)
    {
        var content = ChatReply(request);
        var promptTokens = request.ToJsonString().Length / 4;
        return Json(new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-mini-2024-07-18",
            ["system_fingerprint"] = "fp_fake",
            ["prompt_filter_results"] = new JsonArray(new JsonObject { ["prompt_index"] = 0, ["content_filter_results"] = new JsonObject() }),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["content_filter_results"] = new JsonObject(),
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = content.Length / 4, ["total_tokens"] = promptTokens + content.Length / 4 },
        });
    }

    /// <summary>The text of the request's user message (the last one).</summary>
    public static string UserMessage(JsonObject request) =>
        (request["messages"] as JsonArray ?? []).LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"] switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
            _ => "",
        };

    /// <summary>Cites the first entry of the user message's JSON and condenses its title.</summary>
    public static string DefaultChatReply(JsonObject request)
    {
        var user = JsonNode.Parse(UserMessage(request));
        var first = (user?["entries"] as JsonArray)?.FirstOrDefault();
        if (first is null)
        {
            return """{"inKnowledgeBase": false, "answer": "", "citations": []}""";
        }

        var reply = new JsonObject
        {
            ["inKnowledgeBase"] = true,
            ["answer"] = "Kort gezegd: " + first["title"]!.GetValue<string>(),
            ["citations"] = new JsonArray(first["id"]!.GetValue<string>()),
        };
        return reply.ToJsonString();
    }

    /// <summary>A deterministic vector: lowercase words (plural -en/-s cut) hashed into <see cref="Dimensions"/> buckets.</summary>
    public static float[] BagOfWords(string text)
    {
        var vector = new float[Dimensions];
        foreach (Match word in WordPattern().Matches(text.ToLowerInvariant()))
        {
            var w = word.Value;
            if (w.Length > 5 && w.EndsWith("en", StringComparison.Ordinal))
            {
                w = w[..^2];
            }
            else if (w.Length > 4 && w.EndsWith('s'))
            {
                w = w[..^1];
            }

            vector[(int)(Fnv(w) % Dimensions)] += 1;
        }

        return vector;
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json");

    private static IResult Error(HttpStatusCode status, string code, string message, HttpContext context)
    {
        context.Response.Headers["apim-request-id"] = Guid.NewGuid().ToString();
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        return Results.Content(error.ToJsonString(), "application/json", statusCode: (int)status);
    }

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex WordPattern();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as received: deployment, operation (<c>embeddings</c>, <c>chat/completions</c>), api-version, how it authenticated, and the raw body.</summary>
public sealed record AzureOpenAIRequest(string Deployment, string Operation, string ApiVersion, string Authentication, string Body)
{
    /// <summary>Every string value in the body, unescaped, so a search for a value cannot miss a JSON-escaped form.</summary>
    public string DecodedBody => string.Join("\n", Strings(JsonNode.Parse(Body)));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
