using System.CommandLine;
using PrivacyAssistant.Knowledge;

namespace PrivacyAssistant.Bot.Admin;

/// <summary>
/// Runs an admin subcommand instead of the web host when the first argument names one
/// (<c>PrivacyAssistant.Bot ask "..."</c>). The services are built from the same configuration as the bot.
/// </summary>
public static class AdminCommandLine
{
    public static bool IsAdminCommand(string[] args) =>
        args.Length > 0 && Commands(() => throw new InvalidOperationException(), TextWriter.Null, TextWriter.Null).Any(c => c.Name == args[0]);

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        IServiceProvider? provider = null;
        IServiceProvider Services()
        {
            if (provider is null)
            {
                var builder = Host.CreateApplicationBuilder([]);
                builder.Logging.ClearProviders();
                builder.Services.AddKnowledge();
                provider = builder.Build().Services;
            }

            return provider;
        }

        var root = new RootCommand("Privacy Assistant admin commands.");
        foreach (var command in Commands(Services, output, error))
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static IEnumerable<Command> Commands(Func<IServiceProvider> services, TextWriter output, TextWriter error) =>
        KnowledgeCommands.Create(services, output, error);
}
