using System.Text.Json.Nodes;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// Body of the HTTP 200 answer to an <c>adaptiveCard/action</c> invoke (Universal Actions):
/// a card that replaces the current one, a message, or an error.
/// </summary>
public sealed class AdaptiveCardInvokeResponse
{
    /// <summary>200 for a card or message; 4xx/5xx for an error.</summary>
    public int StatusCode { get; set; }

    /// <summary>One of <see cref="ContentTypes"/>.</summary>
    public string Type { get; set; } = ContentTypes.ActivityMessage;

    /// <summary>The card, the message text, or <c>{code, message}</c> for an error.</summary>
    public JsonNode? Value { get; set; }

    /// <summary>A response whose card replaces the card the user acted on.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new() { StatusCode = 200, Type = ContentTypes.AdaptiveCard, Value = card };

    /// <summary>A response that shows a text message.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = ContentTypes.ActivityMessage, Value = JsonValue.Create(text) };

    /// <summary>An error response (status 400 or 500 per the Universal Actions spec).</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ContentTypes.Error,
        Value = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
