using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>The assistant without Azure OpenAI: the lexical answer, nothing sent anywhere.</summary>
public sealed class LexicalKnowledgeAssistant(IKnowledgeAnswerer answerer) : IKnowledgeAssistant
{
    public string Mode => "lexical";

    public Task<AssistedAnswer> AskAsync(string question, KnowledgeLanguage? preferredLanguage, string? userKey, CancellationToken cancellationToken) =>
        Task.FromResult(AssistedAnswer.Lexical(answerer.Ask(question, preferredLanguage)));
}
