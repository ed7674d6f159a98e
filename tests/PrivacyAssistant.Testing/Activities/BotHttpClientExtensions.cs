using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Testing.Activities;

/// <summary>Posting activities to a bot's messaging endpoint.</summary>
public static class BotHttpClientExtensions
{
    /// <summary>POSTs <paramref name="activity"/> as JSON, with <c>Authorization: Bearer</c> when <paramref name="bearerToken"/> is given.</summary>
    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonNode activity, string? bearerToken = null, string path = "/api/messages") =>
        client.PostRawAsync(activity.ToJsonString(), bearerToken, path);

    /// <summary>POSTs a raw body (for malformed input), as <paramref name="contentType"/>.</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? bearerToken = null, string path = "/api/messages", string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }
}
