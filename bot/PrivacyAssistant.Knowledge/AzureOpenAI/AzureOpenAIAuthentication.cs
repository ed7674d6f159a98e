namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>How the bot authenticates to Azure OpenAI.</summary>
public enum AzureOpenAIAuthentication
{
    /// <summary>The resource key in the <c>api-key</c> header.</summary>
    ApiKey,

    /// <summary>An Entra ID bearer token from DefaultAzureCredential (managed identity in Azure).</summary>
    EntraId,
}
