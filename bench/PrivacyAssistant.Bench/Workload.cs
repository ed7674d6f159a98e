using System.Text;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Bench;

/// <summary>
/// The requests the load generator sends: one Teams-shaped personal-chat message per question of
/// the knowledge test set (tests/PrivacyAssistant.Knowledge.Tests/Evaluation/questions.tsv), with
/// <c>deliveryMode: expectReplies</c> so the replies come back in the HTTP response.
/// </summary>
public sealed class Workload
{
    private readonly byte[][] bodies;
    private int next = -1;

    private Workload(IReadOnlyList<string> questions)
    {
        Questions = questions;
        bodies = questions.Select((question, index) => Encoding.UTF8.GetBytes(Activity(question, index).ToJsonString())).ToArray();
    }

    public IReadOnlyList<string> Questions { get; }

    public static Workload FromTestSet()
    {
        var path = Path.Combine(Repository.Root, "tests", "PrivacyAssistant.Knowledge.Tests", "Evaluation", "questions.tsv");
        var questions = File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => parts[1].Trim())
            .ToList();
        return new Workload(questions);
    }

    /// <summary>The index of the next body, round robin (thread-safe).</summary>
    public int NextIndex() => (int)((uint)Interlocked.Increment(ref next) % (uint)bodies.Length);

    public byte[] Body(int index) => bodies[index];

    private static JsonObject Activity(string question, int index) => new()
    {
        ["type"] = "message",
        ["id"] = $"1{index:D12}",
        ["timestamp"] = "2026-11-23T10:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["from"] = new JsonObject { ["id"] = "29:1bench-user", ["name"] = "Docent", ["aadObjectId"] = "0b1c2d3e-0000-4000-8000-0000000000bb" },
        ["recipient"] = new JsonObject { ["id"] = "28:bench-bot", ["name"] = "Privacy Assistant" },
        ["conversation"] = new JsonObject { ["id"] = "a:1bench-personal-chat", ["conversationType"] = "personal", ["tenantId"] = "7a1b2c3d-0000-4000-8000-00000000a11e" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "7a1b2c3d-0000-4000-8000-00000000a11e" } },
        ["locale"] = "nl-NL",
        ["text"] = question,
        ["textFormat"] = "plain",
        ["deliveryMode"] = "expectReplies",
    };
}
