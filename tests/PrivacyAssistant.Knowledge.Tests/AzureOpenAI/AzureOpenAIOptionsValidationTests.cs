using PrivacyAssistant.Knowledge.AzureOpenAI;

namespace PrivacyAssistant.Knowledge.Tests.AzureOpenAI;

public sealed class AzureOpenAIOptionsValidationTests
{
    [Fact]
    public void Problems_EmptySection_IsValidAndOff()
    {
        var options = new AzureOpenAIOptions();

        Assert.Empty(AzureOpenAIOptionsValidation.Problems(options));
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void Problems_CompleteKeySection_IsValid()
    {
        var options = new AzureOpenAIOptions { Endpoint = "https://school.openai.azure.com/", ChatDeployment = "gpt-4o-mini", ApiKey = "k" };

        Assert.Empty(AzureOpenAIOptionsValidation.Problems(options));
        Assert.True(options.GroundedAnswers);
        Assert.False(options.HybridRetrieval);
    }

    [Theory]
    [InlineData("http://school.openai.azure.com/", "chat", "key", "ApiKey", "https")]
    [InlineData("https://school.openai.azure.com/", "", "key", "ApiKey", "ChatDeployment")]
    [InlineData("https://school.openai.azure.com/", "chat", "", "ApiKey", "ApiKey is required")]
    [InlineData("https://school.openai.azure.com/", "chat", "key", "EntraId", "must be empty")]
    public void Problems_IncompleteSection_NamesTheSetting(string endpoint, string chat, string key, string authentication, string expected)
    {
        var options = new AzureOpenAIOptions
        {
            Endpoint = endpoint,
            ChatDeployment = chat,
            ApiKey = key,
            Authentication = Enum.Parse<AzureOpenAIAuthentication>(authentication),
        };

        Assert.Contains(AzureOpenAIOptionsValidation.Problems(options), p => p.Contains(expected, StringComparison.Ordinal));
    }
}
