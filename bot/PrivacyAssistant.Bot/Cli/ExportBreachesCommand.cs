using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Export;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// <c>export-breaches</c>: writes the breach register (art. 33(5) fields) as CSV, for an
/// administrator on the server, the same file officers download through the bot's link.
/// </summary>
public static class ExportBreachesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var language = new Option<string>("--language", "-l") { Description = "Column names and labels: nl or en.", DefaultValueFactory = _ => "nl" };
        language.AcceptOnlyFromAmong("nl", "en");
        var command = new Command("export-breaches", "Export the breach register (GDPR art. 33(5)) as CSV (semicolon-separated, UTF-8).")
        {
            output,
            language,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = AdminHost.Build(builder => builder.Services.AddBreaches());
            var services = host.Services;

            // Only the schema; no dispatcher or monitor runs (the host is never started).
            await services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
            var reports = await services.GetRequiredService<IBreachRegister>().ListAllAsync(cancellationToken);
            var options = services.GetRequiredService<IOptions<BreachesOptions>>().Value;
            var csv = BreachRegisterCsv.Write(reports, parseResult.GetValue(language)!, options.Zone(), services.GetRequiredService<TimeProvider>().GetUtcNow());

            if (parseResult.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, csv, new UTF8Encoding(false), cancellationToken);
                parseResult.InvocationConfiguration.Error.WriteLine($"{reports.Count} reports written to {file.FullName}.");
            }
            else
            {
                parseResult.InvocationConfiguration.Output.Write(csv);
            }

            return 0;
        });
        return command;
    }
}
