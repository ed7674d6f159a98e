using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework;
using PrivacyAssistant.BotFramework.Hosting;
using PrivacyAssistant.Knowledge.AzureOpenAI;

namespace PrivacyAssistant.Bot.Cli;

/// <summary><c>check-config</c>: validates the configuration the way start-up does and says which mode the bot would run in.</summary>
public static class CheckConfigCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("check-config", "Validate the configuration (appsettings.json and environment variables) without starting the bot.");
        command.SetAction((parseResult, _) =>
        {
            using var host = AdminHost.Build(builder => builder.Services.AddBotFramework());
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var bot = host.Services.GetRequiredService<IOptions<BotOptions>>().Value;
                output.WriteLine(bot.IsLocalMode
                    ? "Bot: local mode (no Bot:AppId): no authentication, loopback only."
                    : $"Bot: {bot.AuthType}, authentication on.");
                var azureOpenAI = host.Services.GetRequiredService<IConfiguration>().GetSection(AzureOpenAIOptions.SectionName).Get<AzureOpenAIOptions>() ?? new AzureOpenAIOptions();
                var problems = AzureOpenAIOptionsValidation.Problems(azureOpenAI).ToList();
                if (problems.Count > 0)
                {
                    problems.ForEach(parseResult.InvocationConfiguration.Error.WriteLine);
                    return Task.FromResult(1);
                }

                output.WriteLine(azureOpenAI.IsConfigured
                    ? $"AzureOpenAI: on: {HybridKnowledgeAssistant.Describe(azureOpenAI)}."
                    : "AzureOpenAI: off (no AzureOpenAI:Endpoint): nothing is sent to the cloud.");
                output.WriteLine("Configuration is valid.");
                return Task.FromResult(0);
            }
            catch (OptionsValidationException ex)
            {
                var error = parseResult.InvocationConfiguration.Error;
                foreach (var failure in ex.Failures)
                {
                    error.WriteLine(failure);
                }

                return Task.FromResult(1);
            }
        });
        return command;
    }
}
