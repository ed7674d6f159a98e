namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>The HTTP answer to an invoke activity: status code and JSON body.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">Object serialised as the JSON body, or null for no body.</param>
public sealed record InvokeResponse(int Status, object? Body = null)
{
    /// <summary>501: the bot does not implement this invoke.</summary>
    public static InvokeResponse NotImplemented { get; } = new(501);
}
