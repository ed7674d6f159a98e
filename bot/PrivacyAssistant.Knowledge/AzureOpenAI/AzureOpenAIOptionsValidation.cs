namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>Checks that a configured section is complete; an empty section (feature off) is valid.</summary>
public static class AzureOpenAIOptionsValidation
{
    public static IEnumerable<string> Problems(AzureOpenAIOptions options)
    {
        if (!options.IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            yield return "AzureOpenAI:Endpoint must be an absolute https URL (http only for a loopback test server).";
        }

        if (!options.GroundedAnswers && !options.HybridRetrieval)
        {
            yield return "AzureOpenAI: name AzureOpenAI:ChatDeployment and/or AzureOpenAI:EmbeddingsDeployment (or remove AzureOpenAI:Endpoint to turn the feature off).";
        }

        if (options.Authentication == AzureOpenAIAuthentication.ApiKey && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return "AzureOpenAI:ApiKey is required with AzureOpenAI:Authentication=ApiKey (or use EntraId for a managed identity).";
        }

        if (options.Authentication == AzureOpenAIAuthentication.EntraId && !string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return "AzureOpenAI:ApiKey must be empty with AzureOpenAI:Authentication=EntraId (remove the key so it cannot leak).";
        }

        if (options.QuestionBudget < options.CallTimeout)
        {
            yield return "AzureOpenAI:QuestionBudget must not be shorter than AzureOpenAI:CallTimeout.";
        }

        if (string.IsNullOrWhiteSpace(options.EmbeddingCachePath) && options.HybridRetrieval)
        {
            yield return "AzureOpenAI:EmbeddingCachePath must not be empty.";
        }
    }
}
