using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Knowledge;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;
using PrivacyAssistant.Knowledge.Redaction;
using PrivacyAssistant.Storage.Migrations;

namespace PrivacyAssistant.Bot.Cli;

/// <summary>
/// <c>export-examples</c>: the questions the privacy desk answered or closed, redacted, as lines of
/// <c>example-questions.tsv</c> labelled <c>?…</c> for the officer to review and paste (<see cref="ExampleQuestionExport"/>).
/// The desk's own questions are what moved the held-out accuracy (docs/knowledge-retrieval.md); this gets them out of
/// the database without the asker's name, reply address, officer or answer.
/// </summary>
public static class ExportExamplesCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output). Not example-questions.tsv itself: the lines must be reviewed first." };
        var since = new Option<DateOnly?>("--since") { Description = "Only questions handled on or after this day (yyyy-MM-dd, a day in the school's time zone Breaches:TimeZone), e.g. the day of your last export." };
        var command = new Command(
            "export-examples",
            "Export the questions the privacy desk answered or closed, redacted, as example-questions.tsv lines labelled '?' (unreviewed: the bot refuses them until you write the label).")
        {
            output,
            since,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            using var host = AdminHost.Build(builder => builder.Services.AddKnowledge().AddKnowledgeFeedback().AddBreachesOptions());
            var services = host.Services;
            if (KnowledgeCli.LoadEngine(services, error) is not { } engine)
            {
                return 1;
            }

            var examplesFile = Path.GetFullPath(Path.Combine(engine.Knowledge.Folder, KnowledgeLoader.ExampleQuestionsFile));
            var file = parseResult.GetValue(output);
            if (file is not null && string.Equals(file.FullName, examplesFile, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                error.WriteLine($"Not writing over {examplesFile}: write the export to another file, review every line, then paste them in.");
                return 1;
            }

            // Only the schema; no outbox, flusher or retention runs (the host is never started).
            await services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
            // The officer's "since Monday" is Monday in the school's zone (Breaches:TimeZone), not in UTC.
            var zone = services.GetRequiredService<IOptions<BreachesOptions>>().Value.Zone();
            var day = parseResult.GetValue(since);
            var handledSince = day is { } start ? SchoolTime.ToUtc(start, TimeOnly.MinValue, zone) : (DateTimeOffset?)null;
            var questions = await services.GetRequiredService<IKnowledgeFeedbackStore>().ListHandledQuestionsAsync(handledSince, cancellationToken);
            var export = ExampleQuestionExport.Write(
                questions,
                engine.Knowledge,
                PersonalDataRedactor.For(engine.Knowledge, engine.Index.StopWords),
                day,
                services.GetRequiredService<TimeProvider>().GetUtcNow(),
                zone);

            if (file is not null)
            {
                await WritePrivateAsync(file.FullName, export.Text, cancellationToken);
                error.WriteLine($"{export.Written} questions written to {file.FullName} ({export.AlreadyExamples} already in {KnowledgeLoader.ExampleQuestionsFile}, {export.Repeats} repeats left out). Review every line, then delete the file.");
            }
            else
            {
                parseResult.InvocationConfiguration.Output.Write(export.Text);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Writes UTF-8 without a byte-order mark (the lines are pasted into a UTF-8 file); a new file is readable by its
    /// owner only on Linux and macOS, since the questions, though redacted, came from colleagues.
    /// </summary>
    private static async Task WritePrivateAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
