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

/// <summary><c>check-knowledge</c>: validates the knowledge folder the way start-up does; exit code 1 on problems.</summary>
public static class CheckKnowledgeCommand
{
    public static Command Create()
    {
        var command = new Command("check-knowledge", "Validates the knowledge folder (entries, synonyms, breach patterns, word lists, example questions); exits non-zero on problems; prints warnings (a stale real-words.txt) and still exits 0.");
        command.SetAction(parse => KnowledgeCli.WithKnowledge(parse, (engine, output, _) =>
        {
            output.WriteLine($"Knowledge folder {engine.Knowledge.Folder} is valid: {engine.Knowledge.Entries.Count} entries, {engine.BreachIntents.Patterns.Count} breach-intent patterns, {engine.Knowledge.Examples.Count} example questions ({engine.Examples.Count} labelled texts with the titles and alternates).");
            var stale = engine.Knowledge.Entries.Where(e => e.Reviewed is null).Select(e => e.Id).ToList();
            if (stale.Count > 0)
            {
                output.WriteLine($"Note: no 'reviewed' date in: {string.Join(", ", stale)}");
            }

            // Warnings leave the exit code at 0: the folder works, only weaker (as start-up logs them).
            foreach (var warning in engine.Warnings)
            {
                output.WriteLine($"WARNING: {warning}");
            }

            return 0;
        }));
        return command;
    }
}
