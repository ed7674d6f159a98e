using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>Start-up validation of the <c>AzureOpenAI</c> section, naming each missing or wrong setting.</summary>
internal sealed class AzureOpenAIOptionsValidator : IValidateOptions<AzureOpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureOpenAIOptions options)
    {
        var problems = AzureOpenAIOptionsValidation.Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
