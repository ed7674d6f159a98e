using System.CommandLine;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// Admin subcommands (<c>PrivacyAssistant.Bot &lt;command&gt; …</c>). <c>Program</c> runs them instead
/// of the web host when the first argument names one. To add a command, write a class with a
/// <c>static Command Create()</c> (see <see cref="CheckConfigCommand"/>) and add it to <see cref="Factories"/>.
/// </summary>
public static class AdminCommandLine
{
    /// <summary>Every admin command.</summary>
    private static readonly Func<Command>[] Factories =
    [
        CheckConfigCommand.Create,
        CheckKnowledgeCommand.Create,
        CheckExamplesCommand.Create,
        AskCommand.Create,
        EvaluateCommand.Create,
        BenchCommand.Create,
        ExportBreachesCommand.Create,
        ExportExamplesCommand.Create,
        RealWordsCommand.Create,
    ];

    private static readonly string[] HelpArguments = ["--help", "-h", "-?", "help"];

    /// <summary>True when <paramref name="args"/> ask for an admin command (or the command list) rather than the web host.</summary>
    /// <remarks>
    /// Host options (<c>--urls …</c>) are told apart without building the command tree, which costs
    /// System.CommandLine's start-up (a tenth of a second and more) on every start of the web host.
    /// </remarks>
    public static bool Handles(string[] args) =>
        args.Length > 0
        && (HelpArguments.Contains(args[0]) || (!args[0].StartsWith('-') && CreateRoot().Subcommands.Any(c => c.Name == args[0])));

    /// <summary>Runs the command and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var arguments = args.Length > 0 && args[0] == "help" ? ["--help", .. args[1..]] : args;
        return CreateRoot().Parse(arguments).InvokeAsync();
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Privacy Assistant. Without a command it runs the bot; these commands are for administrators.");
        foreach (var factory in Factories)
        {
            root.Subcommands.Add(factory());
        }

        return root;
    }
}
