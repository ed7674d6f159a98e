using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Evaluation;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Bot.Cli;

/// <summary><c>ask "&lt;question&gt;"</c>: what the bot does with a question — decision, entry, confidence and the score per word.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, as a staff member would type it." };
        var english = new Option<bool>("--english") { Description = "Answer as for a user whose Teams locale is English." };
        var command = new Command("ask", "Shows what the bot does with a question: decision, entry and score breakdown.") { question, english };
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, error) =>
        {
            var language = parse.GetValue(english) ? KnowledgeLanguage.English : (KnowledgeLanguage?)null;
            var answer = engine.Answerer.Ask(parse.GetValue(question) ?? "", language, explain: true);
            KnowledgeCli.WriteAnswer(output, engine, answer);
            if (AzureOpenAICli.IsConfigured())
            {
                AzureOpenAICli.AskAsync(parse.GetValue(question) ?? "", language, output, error).GetAwaiter().GetResult();
            }

            return 0;
        }));
        return command;
    }
}
