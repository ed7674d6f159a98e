namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// The two model operations the knowledge features use. <see cref="AzureOpenAIKnowledgeModel"/> is
/// the Azure OpenAI SDK behind it; timeouts, the circuit breaker and the call log are in
/// <see cref="AzureOpenAIGuard"/>, so every implementation gets them.
/// </summary>
public interface IKnowledgeModel
{
    bool CanEmbed { get; }

    bool CanChat { get; }

    /// <summary>One vector per text, in order.</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>A chat completion with a system and a user message; the reply's text.</summary>
    Task<ModelReply> CompleteAsync(string system, string user, int maxOutputTokens, CancellationToken cancellationToken);
}

/// <summary>A chat reply and its token usage (counted in the logs, never the text).</summary>
public sealed record ModelReply(string Text, int InputTokens, int OutputTokens);
