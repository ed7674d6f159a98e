using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// The optional <c>AzureOpenAI</c> configuration section. Without an <see cref="Endpoint"/> the
/// feature is off and nothing is sent anywhere; the bot answers from the knowledge base alone.
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>The resource, e.g. <c>https://school-openai.openai.azure.com/</c>. Empty = off.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Chat deployment that condenses entries into an answer. Empty = no generated text.</summary>
    public string ChatDeployment { get; set; } = "";

    /// <summary>Embeddings deployment for hybrid retrieval. Empty = lexical retrieval only.</summary>
    public string EmbeddingsDeployment { get; set; } = "";

    /// <summary><c>ApiKey</c> (with <see cref="ApiKey"/>) or <c>EntraId</c> (DefaultAzureCredential: managed identity, workload identity, Azure CLI…).</summary>
    public AzureOpenAIAuthentication Authentication { get; set; } = AzureOpenAIAuthentication.ApiKey;

    /// <summary>The resource key, for <see cref="AzureOpenAIAuthentication.ApiKey"/>. Keep it out of appsettings.json (environment variable or key vault).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Client id of a user-assigned managed identity, for <see cref="AzureOpenAIAuthentication.EntraId"/>; empty = system-assigned / developer credentials.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>Longest a single call may take before the bot answers from the lexical result.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest all calls for one question may take together (embeddings + chat).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan QuestionBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where entry embeddings are cached, keyed by content hash (see docs/data-retention.md).</summary>
    public string EmbeddingCachePath { get; set; } = ".data/embeddings-cache.json";

    /// <summary>Longest question sent (characters, after redaction); longer questions are cut.</summary>
    [Range(50, 8000)]
    public int MaxQuestionCharacters { get; set; } = 1000;

    /// <summary>Upper bound of tokens the model may generate for one answer.</summary>
    [Range(50, 4000)]
    public int MaxOutputTokens { get; set; } = 500;

    /// <summary>Upper bound of the prompt's estimated tokens (about 4 characters each); entries are dropped from the context beyond it.</summary>
    [Range(500, 100000)]
    public int MaxPromptTokens { get; set; } = 4000;

    /// <summary>How many top entries the model may use for its answer.</summary>
    [Range(1, 5)]
    public int GroundingEntries { get; set; } = 3;

    public HybridRetrievalOptions Hybrid { get; set; } = new();

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The section names an endpoint: the feature is on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public bool HybridRetrieval => IsConfigured && !string.IsNullOrWhiteSpace(EmbeddingsDeployment);

    public bool GroundedAnswers => IsConfigured && !string.IsNullOrWhiteSpace(ChatDeployment);
}

/// <summary>How lexical and vector rankings are combined (see docs/knowledge-retrieval.md).</summary>
public sealed class HybridRetrievalOptions
{
    /// <summary>Reciprocal rank fusion constant: score = Σ 1 / (k + rank).</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>
    /// Cosine similarity from which lexical and vector agreeing on the same top entry turn a
    /// "Bedoel je…?" into an answer. Model-dependent: calibrate with <c>evaluate</c>.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AgreeSimilarity { get; set; } = 0.80;

    /// <summary>
    /// Cosine similarity from which an entry the lexical search missed is offered as "Bedoel je…?"
    /// when the lexical verdict is "none". Never an answer: the user chooses.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SuggestSimilarity { get; set; } = 0.85;
}

public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive failures (timeouts, 429, 5xx, network errors) that open the circuit.</summary>
    [Range(1, 100)]
    public int FailuresToOpen { get; set; } = 3;

    /// <summary>How long an open circuit sends nothing before one trial call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class RateLimitOptions
{
    /// <summary>Off only for the admin <c>evaluate</c> command.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Questions one user may have answered with Azure OpenAI per minute.</summary>
    [Range(1, 10000)]
    public int PerUserPerMinute { get; set; } = 6;

    /// <summary>Questions one user may have answered with Azure OpenAI per day (UTC).</summary>
    [Range(1, 100000)]
    public int PerUserPerDay { get; set; } = 100;

    /// <summary>Questions the whole school may have answered with Azure OpenAI per minute.</summary>
    [Range(1, 100000)]
    public int GlobalPerMinute { get; set; } = 60;
}
