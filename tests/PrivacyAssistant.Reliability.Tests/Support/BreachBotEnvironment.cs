using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.Graph;
using PrivacyAssistant.Testing.Identity;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// What a breach-reporting host process needs around it: a SQLite file that outlives the process,
/// the fake Graph (desk mail) reached with a token from a fake managed identity endpoint, and a
/// fast outbox. Start as many host processes on it as a test needs (restart after a crash).
/// </summary>
public sealed partial class BreachBotEnvironment : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pa-reliability-" + Guid.NewGuid().ToString("N"));

    private BreachBotEnvironment(FakeManagedIdentityEndpoint identity, FakeGraphServer graph)
    {
        Identity = identity;
        Graph = graph;
        Directory.CreateDirectory(folder);
    }

    public FakeManagedIdentityEndpoint Identity { get; }

    public FakeGraphServer Graph { get; }

    public string DatabasePath => Path.Combine(folder, "privacy-assistant.db");

    public static async Task<BreachBotEnvironment> StartAsync()
    {
        var identity = await FakeManagedIdentityEndpoint.StartAsync();
        var graph = await FakeGraphServer.StartAsync(FakeManagedIdentityEndpoint.AccessToken);
        return new BreachBotEnvironment(identity, graph);
    }

    /// <summary>Starts a host process on this environment; <paramref name="extra"/> adds or overrides configuration.</summary>
    public Task<BotHostProcess> StartBotAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(Identity.EnvironmentVariables)
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__Sqlite__Path"] = DatabasePath,
            ["Storage__Retention__Enabled"] = "false",
            ["Breaches__OverdueMonitorEnabled"] = "false",
            ["Notifications__Mail__Enabled"] = "true",
            ["Notifications__Mail__Mailbox"] = "privacy-bot@school.example",
            ["Notifications__Mail__To__0"] = "privacy@school.example",
            ["Notifications__Mail__GraphBaseUrl"] = Graph.BaseUrl,
            ["Notifications__Mail__Credential__Kind"] = "ManagedIdentity",
            ["Notifications__Mail__Credential__ClientId"] = "6e0d9b1c-0000-4000-8000-00000000c1d0",
            ["Notifications__Outbox__PollInterval"] = "00:00:00.200",
            ["Notifications__Outbox__InitialDelay"] = "00:00:00.500",
            ["Notifications__Outbox__MaxDelay"] = "00:00:02",
            // A crashed instance's claims expire within the test's time, so the restarted one takes them over;
            // long enough that a slow but successful delivery on a busy machine is not attempted twice.
            ["Notifications__Outbox__Lease"] = "00:00:30",
            ["Notifications__Outbox__AttemptTimeout"] = "00:00:20",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return BotHostProcess.StartAsync(environment);
    }

    /// <summary>
    /// Submits the report form as Teams does (Action.Execute, <c>breach.submit</c>) as user
    /// <paramref name="userNumber"/>; returns the confirmed reference, or null when the bot did
    /// not confirm (error, other card, no answer).
    /// </summary>
    public static async Task<string?> SubmitAsync(HttpClient client, int userNumber, JsonObject form, CancellationToken cancellationToken = default)
    {
        var activity = TestActivities.Execute("breach.submit", form, "card-activity-" + userNumber, "http://127.0.0.1:9/unused/");
        activity["from"]!["aadObjectId"] = $"0b1c2d3e-0000-4000-8000-{userNumber:D12}";
        activity["from"]!["id"] = $"29:1reliability-user-{userNumber}";
        using var response = await client.PostActivityAsync(activity);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        if (body?["type"]?.GetValue<string>() != "application/vnd.microsoft.card.adaptive")
        {
            return null;
        }

        var match = Reference().Match(body["value"]!.ToJsonString());
        return match.Success ? match.Value : null;
    }

    /// <summary>The references in the register, read straight from the database file.</summary>
    public async Task<IReadOnlyList<string>> StoredReferencesAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference FROM breach_reports";
        var references = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            references.Add(reader.GetString(0));
        }

        return references;
    }

    /// <summary>The reference of every desk mail Graph accepted, in arrival order (duplicates kept).</summary>
    public IReadOnlyList<string> MailedReferences() =>
        Graph.SentMail.Select(mail => Reference().Match(mail.Subject).Value).ToList();

    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        await Identity.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [GeneratedRegex(@"DL-\d{4}-\d{4,}")]
    private static partial Regex Reference();
}
