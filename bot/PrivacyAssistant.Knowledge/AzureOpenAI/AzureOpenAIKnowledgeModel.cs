using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Azure OpenAI through the official SDK (<c>Azure.AI.OpenAI</c>): <c>POST
/// {endpoint}/openai/deployments/{deployment}/embeddings|chat/completions?api-version=…</c> with the
/// <c>api-key</c> header or an Entra ID bearer token. The SDK's own retries are off: a slow or
/// failing service must fall back to the lexical answer at once, not after three back-offs.
/// </summary>
public sealed class AzureOpenAIKnowledgeModel : IKnowledgeModel
{
    private readonly EmbeddingClient? _embeddings;
    private readonly ChatClient? _chat;

    public AzureOpenAIKnowledgeModel(AzureOpenAIOptions options, TokenCredential? credential = null)
    {
        var client = CreateClient(options, credential);
        if (options.HybridRetrieval)
        {
            _embeddings = client.GetEmbeddingClient(options.EmbeddingsDeployment);
        }

        if (options.GroundedAnswers)
        {
            _chat = client.GetChatClient(options.ChatDeployment);
        }
    }

    public bool CanEmbed => _embeddings is not null;

    public bool CanChat => _chat is not null;

    public static AzureOpenAIClient CreateClient(AzureOpenAIOptions options, TokenCredential? credential = null)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // A backstop only: AzureOpenAIGuard cancels each call after AzureOpenAI:CallTimeout.
            NetworkTimeout = options.CallTimeout + TimeSpan.FromSeconds(5),
            UserAgentApplicationId = "privacy-assistant",
        };
        var endpoint = new Uri(options.Endpoint);
        return options.Authentication == AzureOpenAIAuthentication.ApiKey
            ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions)
            : new AzureOpenAIClient(endpoint, credential ?? CreateCredential(options), clientOptions);
    }

    private static TokenCredential CreateCredential(AzureOpenAIOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            ExcludeInteractiveBrowserCredential = true,
        });

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var client = _embeddings ?? throw new InvalidOperationException("No embeddings deployment is configured.");
        var result = await client.GenerateEmbeddingsAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Value.OrderBy(e => e.Index).Select(e => e.ToFloats().ToArray()).ToList();
    }

    public async Task<ModelReply> CompleteAsync(string system, string user, int maxOutputTokens, CancellationToken cancellationToken)
    {
        var client = _chat ?? throw new InvalidOperationException("No chat deployment is configured.");
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = maxOutputTokens,
            Temperature = 0f,
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        };
        ChatMessage[] messages = [new SystemChatMessage(system), new UserChatMessage(user)];
        var result = await client.CompleteChatAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ModelReply(text, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0);
    }
}
