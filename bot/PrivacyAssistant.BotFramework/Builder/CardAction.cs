using System.Text.Json.Nodes;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// A user pressed a card button: <c>Action.Execute</c> (an <c>adaptiveCard/action</c> invoke) or
/// <c>Action.Submit</c> (a message whose <c>value</c> carries a <c>verb</c>). Both look the same here.
/// </summary>
/// <param name="Verb">The action's verb, e.g. <c>faq.show</c>.</param>
/// <param name="Data">The action's data merged with the card's inputs (without <c>verb</c>); never null.</param>
/// <param name="Kind">Which kind of action it was.</param>
/// <param name="CardActivityId">Id of the activity carrying the card (the incoming <c>replyToId</c>), if known.</param>
/// <param name="Trigger">For Action.Execute: <c>manual</c> or <c>automatic</c> (a refresh).</param>
public sealed record CardAction(string Verb, JsonObject Data, CardActionKind Kind, string? CardActivityId, string? Trigger = null)
{
    /// <summary>A string input or data field, trimmed; null when missing or empty.</summary>
    public string? GetString(string name) =>
        Data[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>How a card action arrived.</summary>
public enum CardActionKind
{
    /// <summary>Action.Execute (Universal Actions): answered in the invoke response.</summary>
    Execute,

    /// <summary>Action.Submit: answered by updating the card through the connector.</summary>
    Submit,
}
