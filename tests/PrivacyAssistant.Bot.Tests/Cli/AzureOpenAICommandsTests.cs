using System.Text.Json.Nodes;
using PrivacyAssistant.Testing.AzureOpenAI;
using PrivacyAssistant.Testing.Hosting;

namespace PrivacyAssistant.Bot.Tests.Cli;

/// <summary>The admin commands with the AzureOpenAI section pointing at a loopback fake of the service.</summary>
public sealed class AzureOpenAICommandsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Evaluate_WithAzureOpenAIConfigured_RunsBothModesAndSaysItChecksPlumbing()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        var cache = Path.Combine(Path.GetTempPath(), $"pa-embeddings-{Guid.NewGuid():N}.json");
        var file = Path.Combine(Path.GetTempPath(), $"pa-eval-{Guid.NewGuid():N}.tsv");
        await File.WriteAllLinesAsync(file,
        [
            "expected\tquestion",
            "persoonsgegevens\tis een IP-adres een persoonsgegeven?",
            "breach\tik ben mijn laptop kwijt",
            "none\twat eten we vandaag in de kantine",
            "datalek\thoe laat begint de kerstviering",
        ]);
        try
        {
            await using var process = BotProcess.Start(["evaluate", file, "--json"], Configured(server, cache));

            var exitCode = await process.WaitForExitAsync(Timeout);

            Assert.True(exitCode == 0, process.Output);
            var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains("== lexical (knowledge base only) ==", lines);
            Assert.Contains(lines, l => l.StartsWith("== hybrid: hybrid retrieval (embeddings deployment 'text-embedding-3-small') + grounded answers", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("note: the endpoint is a server on this machine", StringComparison.Ordinal) && l.Contains("not the quality of a model", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("lexical top-1 accuracy: 75.0 % (3/4); hybrid top-1 accuracy:", StringComparison.Ordinal) && l.EndsWith("not model quality", StringComparison.Ordinal));
            var hybrid = lines.Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!.AsObject()).Where(o => o["mode"]?.GetValue<string>() == "hybrid").ToList();
            Assert.Equal(4, hybrid.Count);
            Assert.Equal("breach", hybrid[1]["decision"]!.GetValue<string>());
            Assert.Equal("hybrid", hybrid[0]["retrieval"]!.GetValue<string>());
            Assert.True(hybrid[0]["generated"]!.GetValue<bool>());
            Assert.Matches(@"^\d+ passed, \d+ failed$", lines[^1]);

            // The breach report was never sent; the other three questions were embedded, the answer condensed.
            var questions = server.Requests.Where(r => r.Operation == "embeddings" && JsonNode.Parse(r.Body)!["input"]!.AsArray().Count == 1).ToList();
            Assert.Equal(3, questions.Count);
            Assert.DoesNotContain(questions, r => r.DecodedBody.Contains("laptop", StringComparison.Ordinal));
            Assert.Single(server.Requests, r => r.Operation == "chat/completions");
            Assert.True(File.Exists(cache));
        }
        finally
        {
            File.Delete(file);
            File.Delete(cache);
        }
    }

    [Fact]
    public async Task CheckConfig_WithAzureOpenAIConfigured_SaysWhichModeIsActive()
    {
        await using var server = await FakeAzureOpenAIServer.StartAsync();
        await using var process = BotProcess.Start(["check-config"], Configured(server, Path.Combine(Path.GetTempPath(), "unused.json")));

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("AzureOpenAI: on: hybrid retrieval (embeddings deployment 'text-embedding-3-small') + grounded answers (chat deployment 'gpt-4o-mini'), API key authentication.", process.Output, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task CheckConfig_WithAnEndpointButNoKey_FailsNamingTheSetting()
    {
        await using var process = BotProcess.Start(["check-config"], new Dictionary<string, string>
        {
            ["AzureOpenAI__Endpoint"] = "https://school.openai.azure.com/",
            ["AzureOpenAI__ChatDeployment"] = "gpt-4o-mini",
        });

        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("AzureOpenAI:ApiKey is required", process.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Configured(FakeAzureOpenAIServer server, string cache) => new()
    {
        ["AzureOpenAI__Endpoint"] = server.Endpoint,
        ["AzureOpenAI__ChatDeployment"] = FakeAzureOpenAIServer.ChatDeployment,
        ["AzureOpenAI__EmbeddingsDeployment"] = FakeAzureOpenAIServer.EmbeddingsDeployment,
        ["AzureOpenAI__ApiKey"] = FakeAzureOpenAIServer.ApiKey,
        ["AzureOpenAI__EmbeddingCachePath"] = cache,
    };
}
