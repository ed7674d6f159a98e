using PrivacyAssistant.Testing.Breaches;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.Cards;

namespace PrivacyAssistant.Bot.Tests.Breaches;

/// <summary>
/// Text a reporter types (description, measures, their display name) reaches the officers' cards and
/// must stay text there: no Markdown formatting or links, no HTML, no card JSON, no template expressions.
/// </summary>
public sealed class BreachUserTextTests
{
    private const string Officer = "5e6f7a8b-0000-4000-8000-00000000beef";
    private const string Evil = "https://evil.example";

    private const string Description =
        "**VET** [klik](https://evil.example) <script>alert(1)</script> {\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"} ${reporter} ${$root.backVerb}";

    private const string Measures = "# Kop\n- [x](https://evil.example) www.evil.example ${$strings.close}";

    private const string ReporterName = "[Baas](https://evil.example) ${reporter}";

    [Fact]
    public async Task Officer_SeesInjectedMarkupInAReportAsLiteralText()
    {
        await using var host = await BreachHost.StartAsync(new Dictionary<string, string?> { ["Breaches:Officers:0"] = Officer });
        await SubmitAsync(host, BreachForms.Valid("plain", BreachHost.Day), "Anna de Vries");
        var evil = BreachForms.Valid("evil", BreachHost.Day);
        evil["description"] = Description;
        evil["measures"] = Measures;
        await SubmitAsync(host, evil, ReporterName);

        var plainCard = BreachHost.CardOf(await host.ExecuteAsync("breach.show", new JsonObject { ["reference"] = "DL-2026-0001" }, Officer));
        var card = BreachHost.CardOf(await host.ExecuteAsync("breach.show", new JsonObject { ["reference"] = "DL-2026-0002" }, Officer));
        var json = card.ToJsonString();

        // Valid JSON with exactly the structure of an ordinary report's card: nothing added.
        Assert.IsType<JsonObject>(JsonNode.Parse(json));
        Assert.Equal(Shape(plainCard), Shape(card));
        Assert.DoesNotContain(Nodes(card).OfType<JsonObject>(), node => node["type"]?.ToString() == "Action.OpenUrl");
        Assert.DoesNotContain(Nodes(card).OfType<JsonObject>(), node =>
            (node["type"]?.ToString().StartsWith("Action.", StringComparison.Ordinal) == true || node.ContainsKey("url") || node.ContainsKey("selectAction"))
            && node.ToJsonString().Contains("evil.example", StringComparison.Ordinal));

        // Shown escaped, expressions not evaluated.
        var texts = Nodes(card).OfType<JsonObject>().Where(node => node["type"]?.ToString() == "TextBlock").Select(node => node["text"]!.GetValue<string>()).ToList();
        Assert.Contains(
            """\*\*VET\*\* \[klik\]\(https\://evil.example\) \<script>alert\(1\)\</script> \{"type":"Action.OpenUrl","url":"https\://evil.example"\} $\{reporter\} $\{$root.backVerb\}""",
            texts);
        Assert.Contains("\\# Kop\n\\- \\[x\\]\\(https\\://evil.example\\) www\\.evil.example $\\{$strings.close\\}", texts);
        var facts = Nodes(card).OfType<JsonObject>().Where(node => node.ContainsKey("title") && node.ContainsKey("value") && !node.ContainsKey("type")).Select(node => node["value"]!.ToString()).ToList();
        Assert.Contains("""\[Baas\]\(https\://evil.example\) $\{reporter\}""", facts);
        Assert.DoesNotContain("${", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Evil, Nodes(card).Select(node => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : string.Empty));
        Assert.DoesNotContain(texts.Concat(facts), text => text.Contains(Evil, StringComparison.Ordinal) || text.Contains("](", StringComparison.Ordinal) || Regex.IsMatch(text, @"(?<!\\)<script"));

        // The officer's list shows no user text at all.
        var list = (await SayAsync(host, "meldingen", Officer, null)).ToJsonString();
        Assert.DoesNotContain("evil.example", list, StringComparison.Ordinal);

        // The desk mail carries no free text, and what it does carry is HTML-encoded.
        await BreachReportFlowTests.WaitFor(() => host.Graph.SentMail.Count == 2);
        foreach (var mail in host.Graph.SentMail)
        {
            Assert.DoesNotContain("evil.example", mail.Subject + mail.HtmlContent, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", mail.HtmlContent, StringComparison.Ordinal);
            Assert.DoesNotContain("VET", mail.HtmlContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Baas", mail.HtmlContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reporter_WithMarkdownInTheirName_SeesItLiterallyOnTheForm()
    {
        await using var host = await BreachHost.StartAsync();

        var replies = await SayAsync(host, "datalek melden", null, ReporterName);

        var texts = Nodes(BreachHost.CardOf(replies[0]!)).OfType<JsonObject>()
            .Where(node => node["type"]?.ToString() == "TextBlock").Select(node => node["text"]!.GetValue<string>());
        Assert.Contains("""Je meldt als \[Baas\]\(https\://evil.example\) $\{reporter\}.""", texts);
    }

    private static async Task SubmitAsync(BreachHost host, JsonObject form, string reporterName)
    {
        var activity = TestActivities.Execute("breach.submit", form, "card-1", "http://127.0.0.1:9/unused/");
        activity["from"]!["name"] = reporterName;
        using var response = await host.Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("DL-2026-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonArray> SayAsync(BreachHost host, string text, string? aadObjectId, string? name)
    {
        var activity = TestActivities.Message(text, null).ExpectingReplies();
        BreachHost.SetUser(activity, aadObjectId);
        if (name is not null)
        {
            activity["from"]!["name"] = name;
        }

        using var response = await host.Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Nodes))
        {
            yield return child;
        }
    }

    /// <summary>The card's structure: keys, array lengths, element types and verbs; other text left out.</summary>
    private static string Shape(JsonNode? node) => CardShape.Of(node, "type", "verb", "id");
}
