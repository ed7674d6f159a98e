using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Reliability.Tests.Support;
using PrivacyAssistant.Testing.Activities;
using PrivacyAssistant.Testing.Breaches;
using PrivacyAssistant.Testing.BotConnector;
using PrivacyAssistant.Testing.Cards;
using Xunit.Abstractions;

namespace PrivacyAssistant.Reliability.Tests.Breaches;

/// <summary>
/// Breach reports whose free text (description, measures, the reporter's display name, the officer's
/// decision texts) is hostile —
/// Markdown, HTML, Adaptive Card JSON, template expressions, the knowledge base's placeholders,
/// control and bidi characters, text at the field's limit — submitted to the host process, then read
/// back as an officer: the register list, the report's detail card and the officers' Teams alert
/// (fake connector). Each card must be valid Adaptive Card 1.5 with exactly the structure of an
/// ordinary report's card, and the text must show as the characters that were typed.
/// </summary>
public sealed partial class OfficerCardInjectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Officer = "5e6f7a8b-0000-4000-8000-00000000beef";

    /// <summary>In every hostile text, so its way into a card, a log line or a mail can be traced.</summary>
    private const string Marker = "Zwaardvis";

    private static readonly string[] Hostile =
    [
        // Markdown links and images in every form, including reference links and bare addresses.
        $"{Marker} [klik hier](https://evil.example/login) ![](https://evil.example/pixel.png) ![alt](https://evil.example/a.png \"t\") <https://evil.example/auto> https://evil.example/bare www.evil.example [ref][1] [1]\n\n[1]: https://evil.example/ref",
        // Block and inline formatting.
        $"# {Marker} kop\n## Tweede\nSetext\n===\nOok setext\n---\n**vet** __ook vet__ *schuin* _schuin_ ~~door~~ `code` ```blok```\n- item\n+ item\n* item\n1. een\n2) twee\n> citaat\n- [ ] taak\n***\n   # ingesprongen kop\n12345. lang nummer",
        // A pipe table.
        $"| {Marker} | b |\n| --- | --- |\n| [x](https://evil.example) | **2** |\n|:-:|--:|",
        // HTML.
        $"<script>alert('{Marker}')</script><img src=x onerror=alert(1)><a href=\"https://evil.example\">klik</a> <iframe src=\"https://evil.example\"></iframe><!-- commentaar --> <b>vet</b><br><div style=\"display:none\">x</div>",
        // Adaptive Card JSON that would close the string and add elements, actions and a selectAction.
        $"\"}}, {{\"type\":\"Action.OpenUrl\",\"title\":\"{Marker}\",\"url\":\"https://evil.example\"}}, {{\"type\":\"Image\",\"url\":\"https://evil.example/x.png\"}} ]}}, \"selectAction\": {{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}}, \"x\": \"",
        // Template syntax: Adaptive Card templating (what the product's binder understands) and others.
        $"${{$root.reference}} ${{reference}} ${{$strings.open}} ${{if(true, '{Marker}', 'x')}} ${{$root}} $when ${{ {{{{reference}}}} {{{{$root}}}} {{%raw%}} #{{x}} ${{",
        // The placeholders the knowledge base's texts are filled with, and format items.
        $"{{school.name}} {{school.shortName}} {{privacyDesk.email}} {{privacyOfficer.name}} {{links.privacyPage}} {{reference}} {{0}} %s {Marker}",
        // Control characters, an escape sequence, zero-width and line/paragraph separators, a NUL.
        $"{Marker}\u0001\u0007\u0008\u001b[31mrood\u001b[0m \u0000nul \u007f \u200b\u200d \u2028 \u2029 \ufeff tab\there\r\ncr\rlos einde",
        // Bidi overrides and isolates that reorder what is shown.
        $"{Marker} \u202efdp.exe\u202c \u2066isolaat\u2069 \u200fteken \u202bRTL\u202c",
        // HTML character references, which Markdown decodes: typed as such, they must show as typed.
        $"{Marker} &lt;script&gt; &#91;x&#93;&#40;https://evil.example&#41; &amp; &quot; &#x2a;vet&#x2a; &nbsp;&copy; & los",
        // Lines indented four spaces or a tab after a blank line: an indented code block.
        $"{Marker}\n\n    [x](https://evil.example) *y*\n\n\t# kop\n\n      - lijst",
        // Backslashes, which escaping itself relies on.
        $"{Marker} \\[geen\\](https://evil.example) \\\\*x\\\\* \\<b> eind\\",
    ];

    /// <summary>A chunk of hostile text repeated to the field's limit (description 2,000, measures 1,000 characters).</summary>
    private const string LongChunk = "[x](https://evil.example) <b>" + Marker + "</b> ${a} **y** ";

    private BreachBotEnvironment environment = null!;
    private FakeBotConnector connector = null!;

    public async Task InitializeAsync()
    {
        environment = await BreachBotEnvironment.StartAsync();
        connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await connector.DisposeAsync();
        await environment.DisposeAsync();
    }

    [Fact]
    public async Task HostileTextInEveryReportField_ShowsAsLiteralTextOnTheOfficersListDetailAndAlertCards()
    {
        await using var bot = await environment.StartBotAsync(new Dictionary<string, string>
        {
            ["Breaches__Officers__0"] = Officer,
            ["Notifications__Teams__Enabled"] = "true",
            ["Notifications__Teams__ServiceUrl"] = connector.ServiceUrl,
            ["Notifications__Teams__TenantId"] = TestActivities.TenantId,
            // Everything the product logs per turn, so a leak into a log line would show.
            ["Logging__LogLevel__Default"] = "Information",
        });
        using var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // One benign report, then one per hostile text: in the description, the measures, the reporter's name
        // and every text of the officer's decisions (which the detail card shows too), each with its own tag.
        var benignReference = await SubmitAsync(client, 0, BreachForms.Valid("benign", BreachForms.YesterdayAtSchool()), "Anna de Vries");
        await DecideAsync(client, benignReference, Enumerable.Range(0, DecisionTexts.Length).Select(i => $"Gewone tekst {i}.").ToArray());
        var reports = new List<(string Reference, string[] Typed)>();
        var texts = Hostile.Select(text => (Text: text, Limit: 100_000)).Append((Text: ToLength(LongChunk, 2000), Limit: 2000));
        foreach (var ((text, limit), user) in texts.Select((hostile, index) => (hostile, index + 1)))
        {
            var form = BreachForms.Valid($"hostile-{user}", BreachForms.YesterdayAtSchool());
            form["description"] = Tagged(text, " (d)", Math.Min(limit, 2000));
            form["measures"] = Tagged(text, " (m)", Math.Min(limit, 1000));
            var name = Tagged(text, " (n)", limit);
            var reference = await SubmitAsync(client, user, form, name);
            var decisions = DecisionTexts.Select(tag => Tagged(text, tag, Math.Min(limit, tag == ApReferenceTag ? DecisionFields.ApReferenceMaxLength : DecisionFields.TextMaxLength))).ToArray();
            await DecideAsync(client, reference, decisions);
            reports.Add((reference, [form["description"]!.GetValue<string>(), form["measures"]!.GetValue<string>(), name, .. decisions]));
        }

        // Detail card: the structure of the benign report's card, the hostile text only as the text of TextBlocks and facts, shown literally.
        var benignDetail = await ExecuteAsync(client, "breach.show", new JsonObject { ["reference"] = benignReference });
        AdaptiveCardSchema.AssertValid(benignDetail);
        Assert.Empty(Carrying(benignDetail, Marker));
        Assert.Contains("Gewone tekst 4.", benignDetail.ToJsonString(), StringComparison.Ordinal);
        var checkedValues = 0;
        foreach (var report in reports)
        {
            var detail = await ExecuteAsync(client, "breach.show", new JsonObject { ["reference"] = report.Reference });
            AssertValidExceptTypedInputs(detail, report.Typed);
            Assert.Equal(Shape(benignDetail), Shape(detail));
            checkedValues += AssertShownLiterally(detail, report.Typed);
        }

        // Register list: no report text at all, one identical entry per report.
        var list = await ExecuteAsync(client, "breach.list", new JsonObject());
        AdaptiveCardSchema.AssertValid(list);
        AssertNothingOf(list.ToJsonString());
        var entries = list["body"]!.AsArray().OfType<JsonObject>().Where(element => element["type"]?.GetValue<string>() == "Container").ToList();
        Assert.Equal(reports.Count + 1, entries.Count);
        Assert.Single(entries.Select(Shape).Distinct());

        // The officers' Teams alert for each report: same structure as the benign one's, no report text.
        List<JsonObject> Alerts() => connector.Requests.Where(request => request.RawTarget.EndsWith("/activities", StringComparison.Ordinal)).Select(request => request.FirstAttachmentContent!).ToList();
        Assert.True(await environment.WaitUntilAsync(() => Alerts().Count >= reports.Count + 1, TimeSpan.FromSeconds(120)), $"only {Alerts().Count} alerts");
        await Task.Delay(500);
        var alerts = Alerts();
        Assert.Equal(reports.Count + 1, alerts.Count);
        var benignAlert = alerts.Single(alert => alert.ToJsonString().Contains(benignReference, StringComparison.Ordinal));
        foreach (var alert in alerts)
        {
            AdaptiveCardSchema.AssertValid(alert);
            Assert.Equal(Shape(benignAlert), Shape(alert));
            AssertNothingOf(alert.ToJsonString());
        }

        // The desk mail carries none of it either, and no log line does.
        Assert.True(await environment.WaitUntilAsync(() => environment.Graph.SentMail.Count >= reports.Count + 1, TimeSpan.FromSeconds(120)), $"only {environment.Graph.SentMail.Count} mails");
        Assert.All(environment.Graph.SentMail, mail => AssertNothingOf(mail.Subject + mail.HtmlContent));
        AssertNothingOf(bot.Output);
        output.WriteLine($"{reports.Count} hostile reports and 1 benign; {checkedValues} hostile values checked on the detail cards; {alerts.Count} alerts, {environment.Graph.SentMail.Count} mails; log {bot.Output.Length} characters");
    }

    /// <summary>
    /// Every string in the card that carries hostile text is the text of a TextBlock or the value of
    /// a fact, renders as nothing but paragraphs and reads as one of the typed texts (as stored:
    /// trimmed, without NUL; a register fact may put "yes · date · " before it) — or is the value of
    /// an Input.Text (the officer's decision form, pre-filled), which Teams never renders as
    /// Markdown, exactly as stored. Every typed text is shown. Returns how many values were checked.
    /// </summary>
    private static int AssertShownLiterally(JsonObject card, IReadOnlyList<string> typed)
    {
        var stored = typed.Select(Stored).ToList();
        var expected = stored.Select(TeamsMarkdown.Collapse).ToList();
        var shown = new HashSet<string>();
        var values = Carrying(card, Marker).Concat(Carrying(card, "evil.example")).Distinct().ToList();
        foreach (var (path, value) in values)
        {
            var property = path[(path.LastIndexOf('/') + 1)..];
            var owner = Owner(card, path);
            if (property == "value" && owner?["type"]?.GetValue<string>() == "Input.Text")
            {
                Assert.Contains(value, stored);
                continue;
            }

            Assert.True(
                (property == "text" && owner?["type"]?.GetValue<string>() == "TextBlock")
                || (property == "value" && owner is not null && owner.ContainsKey("title") && !owner.ContainsKey("type") && path.Contains("/facts/", StringComparison.Ordinal)),
                $"hostile text outside a TextBlock, fact or text input, at {path}: {value}");
            Assert.DoesNotContain("${", value, StringComparison.Ordinal);

            var (elements, text) = TeamsMarkdown.Render(value);
            Assert.True(elements.IsSubsetOf(["p", "br"]), $"{path} renders as {string.Join(", ", elements)}: {value}");
            var shownAs = expected.FirstOrDefault(typedText => text == typedText || text.EndsWith(" · " + typedText, StringComparison.Ordinal));
            Assert.True(shownAs is not null, $"{path} reads as\n{text}\nwhich is none of the typed texts; the card has\n{value}");
            shown.Add(shownAs);
        }

        Assert.Equal(expected.Distinct().Order(), shown.Order());
        return values.Count;
    }

    /// <summary>
    /// Valid Adaptive Card 1.5 and accessible; the only tolerated complaint is a pre-filled text input
    /// whose value is exactly what an officer typed and contains <c>${</c>: Teams does not expand
    /// templates in the cards a bot sends, and an input's value is never Markdown.
    /// </summary>
    private static void AssertValidExceptTypedInputs(JsonObject card, IReadOnlyList<string> typed)
    {
        var stored = typed.Select(Stored).ToList();
        var problems = AdaptiveCardSchema.Validate(card)
            .Concat(AdaptiveCardSchema.AccessibilityProblems(card).Where(problem =>
                !(problem.Contains(".value: unbound template expression", StringComparison.Ordinal)
                  && stored.Any(text => problem.EndsWith($"'{text}'", StringComparison.Ordinal)))))
            .ToList();
        Assert.True(problems.Count == 0, "Not a valid, accessible Adaptive Card 1.5:\n" + string.Join("\n", problems));
    }

    /// <summary>A text as the register stores it: trimmed, without NUL (which PostgreSQL refuses).</summary>
    private static string Stored(string typed) => typed.Trim().Replace("\0", string.Empty, StringComparison.Ordinal).Trim();

    private static void AssertNothingOf(string text)
    {
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    private async Task<string> SubmitAsync(HttpClient client, int user, JsonObject form, string name)
    {
        var activity = TestActivities.Execute("breach.submit", form, "card-activity-" + user, "http://127.0.0.1:9/unused/");
        activity["from"]!["aadObjectId"] = $"0b1c2d3e-0000-4000-8000-{user:D12}";
        activity["from"]!["id"] = $"29:1injection-user-{user}";
        activity["from"]!["name"] = name;
        var card = await InvokeAsync(client, activity);
        var reference = Reference().Match(card.ToJsonString());
        Assert.True(reference.Success, "no confirmation: " + card.ToJsonString());
        return reference.Value;
    }

    /// <summary>The officer records the three decisions with <paramref name="texts"/> (AP reference and reason, reason for not informing the people involved, consequences, remedial actions).</summary>
    private static async Task DecideAsync(HttpClient client, string reference, string[] texts)
    {
        var yesterday = BreachForms.YesterdayAtSchool().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await DecideAsync(client, "breach.decide.ap", new JsonObject { ["reference"] = reference, ["apNotified"] = "yes", ["apNotifiedDate"] = yesterday, ["apReference"] = texts[0], ["apReason"] = texts[1] });
        await DecideAsync(client, "breach.decide.subjects", new JsonObject { ["reference"] = reference, ["subjectsInformed"] = "no", ["subjectsReason"] = texts[2] });
        await DecideAsync(client, "breach.decide.measures", new JsonObject { ["reference"] = reference, ["consequences"] = texts[3], ["remedialActions"] = texts[4] });
    }

    // Whether a decision was recorded shows on the detail card read afterwards (its texts must be there).
    private static Task DecideAsync(HttpClient client, string verb, JsonObject data) => ExecuteAsync(client, verb, data);

    private static async Task<JsonObject> ExecuteAsync(HttpClient client, string verb, JsonObject data)
    {
        var activity = TestActivities.Execute(verb, data, "card-officer", "http://127.0.0.1:9/unused/");
        activity["from"]!["aadObjectId"] = Officer;
        activity["from"]!["name"] = "Olga Officier";
        return await InvokeAsync(client, activity);
    }

    private static async Task<JsonObject> InvokeAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var invoke = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", invoke["type"]?.GetValue<string>());
        return invoke["value"]!.AsObject();
    }

    [GeneratedRegex(@"DL-\d{4}-\d{4,}")]
    private static partial Regex Reference();

    /// <summary><paramref name="text"/> with <paramref name="tag"/> at the end, cut so the whole fits <paramref name="limit"/>.</summary>
    // Cut to the field's limit, keeping the marker (some texts carry it at the end, past the AP reference's 100).
    private static string Tagged(string text, string tag, int limit)
    {
        if (text.Length + tag.Length <= limit)
        {
            return text + tag;
        }

        var cut = text[..(limit - tag.Length)];
        return cut.Contains(Marker, StringComparison.Ordinal) ? cut + tag : Marker + " " + text[..(limit - tag.Length - Marker.Length - 1)] + tag;
    }

    private const string ApReferenceTag = " (ar)";

    private static readonly string[] DecisionTexts = [ApReferenceTag, " (an)", " (sr)", " (c)", " (r)"];

    private static string ToLength(string chunk, int length)
    {
        var builder = new StringBuilder(length + chunk.Length);
        while (builder.Length < length)
        {
            builder.Append(chunk);
        }

        // The form trims, so the limit is reached only by text that does not end in a space.
        return builder.ToString(0, length - 1) + "!";
    }

    /// <summary>The string values containing <paramref name="needle"/>, with their JSON paths.</summary>
    private static IEnumerable<(string Path, string Value)> Carrying(JsonNode? node, string needle, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.Contains(needle, StringComparison.Ordinal))
                    {
                        yield return ($"{path}/{key}", key);
                    }

                    foreach (var found in Carrying(value, needle, $"{path}/{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in Carrying(array[i], needle, $"{path}/{i}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains(needle, StringComparison.Ordinal):
                yield return (path, text);
                break;
        }
    }

    /// <summary>The object holding the property at <paramref name="path"/>.</summary>
    private static JsonObject? Owner(JsonNode card, string path)
    {
        var node = card;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!;
        }

        return node as JsonObject;
    }

    /// <summary>The card's structure: keys, array lengths, element and action types, verbs, ids and URLs; other values left out.</summary>
    private static string Shape(JsonNode? node) => CardShape.Of(node, "type", "verb", "id", "url", "iconUrl", "version");
}
