using System.Net.Http.Headers;

namespace PrivacyAssistant.Bench;

/// <summary>
/// The load as .NET's <see cref="HttpClient"/> sends it (one shared client, a connection pool without
/// limit): the benchmark's client since session 2 and the one the reply check uses.
/// </summary>
public sealed class HttpClientLoadClient(HttpClient client, Workload workload) : ILoadClient, ILoadUser
{
    public string Name => "HttpClient (SocketsHttpHandler, shared connection pool)";

    public ILoadUser User(int index) => this;

    public async ValueTask<LoadResponse> PostAsync(int bodyIndex)
    {
        try
        {
            using var response = await PostAsync(client, workload.Body(bodyIndex));
            await response.Content.LoadIntoBufferAsync();
            return new LoadResponse((int)response.StatusCode, response.Content.Headers.ContentLength ?? 0);
        }
        catch (HttpRequestException)
        {
            return LoadResponse.ConnectionFailed;
        }
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync("api/messages", content, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
