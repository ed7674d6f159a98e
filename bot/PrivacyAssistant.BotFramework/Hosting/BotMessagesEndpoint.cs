using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>
/// The messaging endpoint. Order of checks: body size (413), content type (415), token (401, before
/// the body is read), JSON and required fields (400), token against the activity (401), then the
/// turn. Nothing of the turn runs on a rejected request.
/// </summary>
public static partial class BotMessagesEndpoint
{
    /// <summary>Longest activity or conversation id accepted; Teams ids are a few hundred characters at most.</summary>
    public const int MaxIdLength = 1024;

    /// <summary>Maps <c>POST</c> and <c>HEAD</c> (probes) of <paramref name="pattern"/>.</summary>
    /// <remarks>
    /// The endpoint's services are singletons, taken from the application's provider once (on the first
    /// request) rather than bound from the request's services: touching <c>HttpContext.RequestServices</c>
    /// creates and disposes a DI scope per request, which nothing in a turn needs (RELIABILITY.md).
    /// </remarks>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        var services = new Lazy<EndpointServices>(() => new EndpointServices(endpoints.ServiceProvider), LazyThreadSafetyMode.PublicationOnly);
        endpoints.MapPost(pattern, (RequestDelegate)(http => HandleAsync(http, services.Value))).DisableAntiforgery();
        endpoints.MapMethods(pattern, [HttpMethods.Head], () => Results.Ok());
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, EndpointServices services)
    {
        var (validator, processor, options, logger) = services;
        var cancellationToken = http.RequestAborted;
        var limit = options.Value.MaxRequestBodyBytes;

        if (http.Request.ContentLength > limit)
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body exceeds {limit} bytes.", logger);
            return;
        }

        if (http.Request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be JSON.", logger);
            return;
        }

        var authentication = await validator.ValidateTokenAsync(http.Request.Headers.Authorization.ToString(), cancellationToken);
        if (!authentication.Succeeded)
        {
            await WriteAuthenticationFailureAsync(http, authentication.Failure!.Value, logger);
            return;
        }

        var (activity, tooLarge, invalidAt) = await ReadActivityAsync(http, limit, cancellationToken);
        if (tooLarge)
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body exceeds {limit} bytes.", logger);
            return;
        }

        if (invalidAt is not null)
        {
            var where = invalidAt.Length > 0 ? $" at {invalidAt}" : string.Empty;
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", $"The body is not a valid activity{where}.", logger);
            return;
        }

        var problem = activity is null ? "The body is not an activity." : Validate(activity);
        if (problem is not null)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, "BadArgument", problem, logger);
            return;
        }

        var activityCheck = validator.ValidateActivity(authentication.Caller!, activity!);
        if (!activityCheck.Succeeded)
        {
            await WriteAuthenticationFailureAsync(http, activityCheck.Failure!.Value, logger);
            return;
        }

        LogTurn(logger, activity!.Type!, activity.Name ?? "-");
        var result = await processor.ProcessAsync(activity, activityCheck.Caller!, cancellationToken);
        http.Response.StatusCode = result.StatusCode;
        if (result.Body is not null)
        {
            // Serialised in one piece (a reply is a few KB) so the response has a Content-Length: Kestrel
            // sends it in one write instead of chunks and a separate closing chunk after the turn. The piece
            // is written into a buffer kept per thread and copied into the response's pipe, not a new array.
            var json = ResponseBuffer.Serialize(result.Body);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = json.Length;
            http.Response.BodyWriter.Write(json.Span);
            ResponseBuffer.Release();
            await http.Response.BodyWriter.FlushAsync(cancellationToken);
        }
    }

    /// <summary>The first problem with the activity's required fields, or null.</summary>
    private static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        // Ids end up in connector URLs (reply, update); one no channel would send cannot be answered.
        if (!IsUsableId(activity.Conversation!.Id!))
        {
            return "The activity's conversation.id is not a valid id.";
        }

        if (activity.Id is { } id && !IsUsableId(id))
        {
            return "The activity's id is not a valid id.";
        }

        if (activity.ReplyToId is { } replyToId && !IsUsableId(replyToId))
        {
            return "The activity's replyToId is not a valid id.";
        }

        var expectsReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);
        if (activity.ServiceUrl is null)
        {
            return expectsReplies ? null : "The activity has no serviceUrl.";
        }

        return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "The activity's serviceUrl is not an absolute http(s) URL.";
    }

    /// <summary>At most <see cref="MaxIdLength"/> characters and no control characters.</summary>
    private static bool IsUsableId(string id) => id.Length <= MaxIdLength && !id.Any(char.IsControl);

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the body (at most <paramref name="limit"/> bytes) from the request's pipe and deserialises the
    /// activity from it where it lies: <c>TooLarge</c> for a larger body, <c>InvalidAt</c> (the JSON path,
    /// possibly empty) for one that is not a valid activity. Read whole before parsing, exactly as an array.
    /// </summary>
    private static async Task<(Activity? Activity, bool TooLarge, string? InvalidAt)> ReadActivityAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + 1L;
        }

        var reader = http.Request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(cancellationToken);
                if (read.Buffer.Length > limit)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    return (null, true, null);
                }

                if (read.IsCompleted)
                {
                    break;
                }

                // Nothing consumed until the whole body is there.
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, true, null);
        }

        try
        {
            return (Deserialize(read.Buffer), false, null);
        }
        catch (JsonException ex)
        {
            return (null, false, ex.Path ?? string.Empty);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    /// <summary>The activity in <paramref name="body"/>, read as one span (copied into a pooled array when the pipe holds it in pieces).</summary>
    private static Activity? Deserialize(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return Deserialize(body.FirstSpan);
        }

        var length = (int)body.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(copy);
            return Deserialize(copy.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>
    /// The common shape read directly (<see cref="ActivityReader"/>); any other body, and every body with an error in it,
    /// by the serialiser, which also words the error (the JSON path in the 400's message).
    /// </summary>
    private static Activity? Deserialize(ReadOnlySpan<byte> json) =>
        ActivityReader.TryRead(json, out var activity) ? activity : JsonSerializer.Deserialize<Activity>(json, BotJson.Options);

    private static Task WriteAuthenticationFailureAsync(HttpContext http, BotAuthenticationFailure failure, ILogger logger)
    {
        if (failure == BotAuthenticationFailure.MetadataUnavailable)
        {
            return WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "Signing keys are unavailable; try again later.", logger);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized.", logger);
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, string code, string message, ILogger logger)
    {
        LogRejected(logger, status, code);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new ErrorResponse { Error = new ErrorDetail { Code = code, Message = message } };
        await JsonSerializer.SerializeAsync(http.Response.Body, body, BotJson.Options, http.RequestAborted);
    }

    /// <summary>What the endpoint uses, resolved once.</summary>
    private sealed record EndpointServices(BotTokenValidator Validator, ActivityProcessor Processor, IOptions<BotOptions> Options, ILogger Logger)
    {
        public EndpointServices(IServiceProvider services)
            : this(
                services.GetRequiredService<BotTokenValidator>(),
                services.GetRequiredService<ActivityProcessor>(),
                services.GetRequiredService<IOptions<BotOptions>>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotMessagesEndpoint).FullName!))
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Messaging endpoint answered {Status} ({Code})")]
    private static partial void LogRejected(ILogger logger, int status, string code);

    // Debug, not Information: at hundreds of turns per second the console logger's queue lock was a
    // measurable share of the CPU (RELIABILITY.md), and features log their own outcome per turn.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn: {ActivityType} {InvokeName}")]
    private static partial void LogTurn(ILogger logger, string activityType, string invokeName);
}
