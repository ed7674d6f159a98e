using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Connector;

/// <summary>The Bot Connector REST client. Ids are escaped into the path; bodies use <see cref="BotJson.Options"/>.</summary>
public sealed class ConnectorClient : IConnectorClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokenProvider;

    /// <summary>Creates a client for <paramref name="serviceUrl"/>; <paramref name="http"/> should carry the retry handler.</summary>
    public ConnectorClient(HttpClient http, Uri serviceUrl, IBotTokenProvider tokenProvider)
    {
        _http = http;
        _tokenProvider = tokenProvider;
        ServiceUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
    }

    /// <inheritdoc />
    public Uri ServiceUrl { get; }

    /// <inheritdoc />
    public Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, $"v3/conversations/{Escape(conversationId)}/activities", activity, "send", cancellationToken);

    /// <inheritdoc />
    public Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, "reply", cancellationToken);

    /// <inheritdoc />
    public Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, "update", cancellationToken);

    /// <inheritdoc />
    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Delete, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, "delete", cancellationToken);

    /// <inheritdoc />
    public async Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        await SendAsync<ConversationResourceResponse>(HttpMethod.Post, "v3/conversations", parameters, "create conversation", cancellationToken)
        ?? throw new ConnectorException(HttpStatusCode.OK, "EmptyResponse", "create conversation");

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await SendAsync<List<ChannelAccount>>(HttpMethod.Get, $"v3/conversations/{Escape(conversationId)}/members", null, "get members", cancellationToken) ?? [];

    /// <inheritdoc />
    public async Task<ChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync<ChannelAccount>(HttpMethod.Get, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, "get member", cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string relativePath, object? body, string operation, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(ServiceUrl, relativePath));
        if (body is not null)
        {
            // Bytes rather than a stream, so the retry handler can send the same content again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options));
            request.Content.Headers.ContentType = JsonContentType;
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var token = await _tokenProvider.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            if (ServiceUrl.Scheme != Uri.UriSchemeHttps && !ServiceUrl.IsLoopback)
            {
                throw new InvalidOperationException("Refusing to send the bot's token to a service URL without TLS.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException(response.StatusCode, ReadErrorCode(bytes), operation);
        }

        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BotJson.Options);
        }
        catch (JsonException)
        {
            // The call succeeded; an unreadable body only loses the returned id.
            return null;
        }
    }

    private static string? ReadErrorCode(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(body, BotJson.Options)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
