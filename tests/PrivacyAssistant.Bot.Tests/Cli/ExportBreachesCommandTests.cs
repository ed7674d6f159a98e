using PrivacyAssistant.Bot.Tests.Breaches;
using PrivacyAssistant.Storage;
using PrivacyAssistant.Testing.Breaches;
using PrivacyAssistant.Testing.Hosting;
using PrivacyAssistant.Testing.Storage;

namespace PrivacyAssistant.Bot.Tests.Cli;

public sealed class ExportBreachesCommandTests
{
    [Fact]
    public async Task ExportBreaches_WritesTheRegisterAsCsvWithTheArticle33Fields()
    {
        await using var host = await BreachHost.StartAsync();
        await host.ExecuteAsync("breach.submit", BreachForms.Valid("s1", BreachHost.Day));
        var file = Path.Combine(Path.GetTempPath(), $"pa-export-{Guid.NewGuid():N}.csv");
        var environment = host.Database.EnvironmentVariables;

        try
        {
            await using var process = BotProcess.Start(["export-breaches", "--output", file, "--language", "en"], environment);
            var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(0, exitCode);
            var bytes = await File.ReadAllBytesAsync(file);
            var csv = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.StartsWith("\uFEFFReference;Reported;What happened;", csv, StringComparison.Ordinal); // one BOM, for Excel
            Assert.Contains("Effects;Remedial action;", csv, StringComparison.Ordinal);
            Assert.Contains("DL-2026-0001;", csv, StringComparison.Ordinal);
            Assert.Contains("Laptop in de trein laten liggen.", csv, StringComparison.Ordinal);
            Assert.Contains("1 reports written", process.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportBreaches_ToStandardOutputOnAFreshDatabase_WritesOnlyTheCsvAndLogsTheMigrationsToStandardError()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

        await using var process = BotProcess.Start(["export-breaches", "--language", "en"], database.EnvironmentVariables);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Contains("Applied migration", process.Output, StringComparison.Ordinal); // the schema was created, and said so
        Assert.StartsWith("Reference;Reported;What happened;", process.StandardOutput.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain("migration", process.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ExportBreaches_WithAnUnknownLanguage_FailsWithoutWriting()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pa-export-{Guid.NewGuid():N}.csv");
        await using var process = BotProcess.Start(["export-breaches", "--output", file, "--language", "fr"]);

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.False(File.Exists(file));
    }
}
