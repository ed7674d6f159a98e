using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>The HTTP answer to a turn.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">JSON body (invoke response, or <see cref="ExpectedReplies"/>), or null.</param>
/// <param name="Replies">Replies buffered for expectReplies (empty otherwise).</param>
public sealed record TurnResult(int StatusCode, object? Body, IReadOnlyList<Activity> Replies);
