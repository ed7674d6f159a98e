using System.Text.Json.Nodes;

namespace PrivacyAssistant.Testing.BotConnector;

/// <summary>A request the fake connector received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawTarget">Path and query exactly as sent (escaping intact).</param>
/// <param name="Authorization">The Authorization header, if any.</param>
/// <param name="Body">The JSON body, if any.</param>
public sealed record RecordedRequest(string Method, string RawTarget, string? Authorization, JsonNode? Body)
{
    /// <summary>The body's <c>text</c>, if it is an activity with text.</summary>
    public string? Text => Body?["text"]?.GetValue<string>();

    /// <summary>The body's <c>type</c>.</summary>
    public string? ActivityType => Body?["type"]?.GetValue<string>();

    /// <summary>The first attachment's content (e.g. an Adaptive Card), if any.</summary>
    public JsonObject? FirstAttachmentContent => Body?["attachments"]?[0]?["content"] as JsonObject;
}
