using System.Text.Json.Nodes;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// What a card action leads to. For Action.Execute it becomes the invoke response; for Action.Submit
/// the card is updated in place through the connector (or sent anew if it cannot be), and messages
/// and errors are sent as text.
/// </summary>
public abstract record CardActionResult
{
    private CardActionResult()
    {
    }

    /// <summary>Replace the card the user acted on with <paramref name="card"/>.</summary>
    public static CardActionResult ReplaceCard(JsonObject card) => new Card(card);

    /// <summary>Answer with a text message.</summary>
    public static CardActionResult Message(string text) => new Text(text);

    /// <summary>
    /// The action cannot be carried out (bad or stale data). Execute: an error response with
    /// <paramref name="statusCode"/> (400 or 500); Submit: <paramref name="message"/> as text.
    /// </summary>
    public static CardActionResult Error(string message, int statusCode = 400) => new Failure(statusCode, message);

    /// <summary>The replacement card.</summary>
    public sealed record Card(JsonObject Content) : CardActionResult;

    /// <summary>The message text.</summary>
    public sealed record Text(string Value) : CardActionResult;

    /// <summary>An error.</summary>
    public sealed record Failure(int StatusCode, string ErrorMessage) : CardActionResult;
}
