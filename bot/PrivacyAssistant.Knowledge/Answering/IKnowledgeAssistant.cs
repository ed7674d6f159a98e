using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// What the conversation asks: the knowledge answer, and — when Azure OpenAI is configured and
/// available — a hybrid ranking and a generated text grounded in the entries. Without Azure OpenAI,
/// or whenever it is slow, failing or rate limited, the result is exactly the lexical answer.
/// </summary>
public interface IKnowledgeAssistant
{
    /// <summary>"lexical" or a description of the Azure OpenAI features in use (for start-up logs and the CLI).</summary>
    string Mode { get; }

    /// <param name="question">The message text as typed (redacted before anything leaves).</param>
    /// <param name="preferredLanguage">The user's locale language, if known.</param>
    /// <param name="userKey">A stable id of the asker for rate limiting (hashed, in memory); null when there is none.</param>
    Task<AssistedAnswer> AskAsync(string question, KnowledgeLanguage? preferredLanguage, string? userKey, CancellationToken cancellationToken);
}
