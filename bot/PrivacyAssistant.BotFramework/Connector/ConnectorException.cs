using System.Net;

namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>
/// The connector answered with an error (after retries, where the status is retryable). The
/// <see cref="ErrorCode"/> is the connector's code, e.g. Teams' <c>MessageWritesBlocked</c> (403)
/// when the user blocked the bot.
/// </summary>
public sealed class ConnectorException(HttpStatusCode statusCode, string? errorCode, string operation)
    : Exception($"The Bot Connector answered {(int)statusCode} ({errorCode ?? "no error code"}) to {operation}.")
{
    /// <summary>HTTP status of the final attempt.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Error code from the body (<c>{"error":{"code":…}}</c>), if any.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>Which call failed, e.g. <c>reply</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>
    /// Retrying the same message cannot help: 400 (refused as it is), 403 (e.g. <c>MessageWritesBlocked</c>,
    /// the bot blocked or removed, not in the conversation) and 404 (conversation or user gone).
    /// Proactive senders give up at once on these instead of retrying for the outbox's whole window.
    /// </summary>
    public bool IsPermanent =>
        StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}
