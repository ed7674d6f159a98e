using System.Text;
using System.Text.Json.Nodes;
using PrivacyAssistant.Testing.Activities;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>One hostile request: what it is (for failure messages; never the body), the body and its content type.</summary>
public sealed record FuzzCase(string Kind, byte[] Body, string? ContentType = "application/json");

/// <summary>
/// Generates hostile requests from real Teams activities and card payloads, reproducibly from a
/// seed: structural mutations (fields removed, retyped, renamed, nested, huge), text-field
/// injections, byte-level damage (truncation, flipped and inserted bytes, bad UTF-8), random
/// bytes, deep nesting and odd encodings.
/// </summary>
public sealed class ActivityFuzzer(int seed, string serviceUrl)
{
    private static readonly string[] Verbs =
        ["help", "faq.show", "faq.feedback", "faq.escalate", "breach.start", "breach.submit", "breach.officer.decide", "unknown.verb", "", "breach.", "*"];

    private static readonly string[] InvokeNames =
        ["adaptiveCard/action", "composeExtension/query", "task/fetch", "task/submit", "signin/verifyState", "fileConsent/invoke", "actionableMessage/executeAction", "healthCheck", "", "x/../../etc"];

    private static readonly string[] Injections =
    [
        "**vet** _schuin_ [klik](javascript:alert(1)) ![img](http://127.0.0.1:9/x.png)",
        "<script>alert(1)</script><img src=x onerror=alert(1)><b>vet</b>",
        "{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"${$root}\"}]}",
        "${$root.secret} ${reference} {{privacyDesk.email}} $strings.title",
        "<at>Privacy Assistant</at> <at>Iedereen</at>",
        "\u0000\u0001\u0007\u001b[31m\u202e\u200b\ufeff",
        "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 ñ é ß 漢字",
        "' OR 1=1; DROP TABLE breach_reports; --",
        "../../../../etc/passwd",
        "%s%s%s%n {0} {1}",
    ];

    private const string LoneSurrogate = "__lone_surrogate__";

    private readonly Random random = new(seed);

    public IEnumerable<FuzzCase> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(100) switch
            {
                < 45 => Structural(),
                < 60 => Injected(),
                < 75 => ByteLevel(),
                < 82 => RandomBytes(),
                < 90 => DeepNesting(),
                < 95 => Huge(),
                _ => Odd(),
            };
        }
    }

    /// <summary>A real activity of every kind the bot may meet.</summary>
    public JsonObject RealActivity()
    {
        var questions = new[] { "Mag ik foto's van de klas op Instagram zetten?", "ik ben mijn laptop kwijt", "help", "What is a data breach?", "", "?" };
        var activity = random.Next(12) switch
        {
            0 or 1 or 2 => TestActivities.Message(Pick(questions), serviceUrl),
            3 => TestActivities.Execute(Pick(Verbs), CardData(), "activity-card-1", serviceUrl),
            4 => TestActivities.Submit(SubmitValue(), "activity-card-1", serviceUrl),
            5 => TestActivities.Invoke(Pick(InvokeNames), CardData(), serviceUrl),
            6 => TestActivities.MembersAdded(serviceUrl, TestActivities.BotId, TestActivities.UserId),
            7 => WithType(TestActivities.Message(null, serviceUrl), "installationUpdate", a => a["action"] = "add"),
            8 => WithType(TestActivities.Message(null, serviceUrl), "messageReaction", a => a["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" })),
            9 => WithType(TestActivities.Message(null, serviceUrl), Pick(["typing", "event", "messageUpdate", "messageDelete", "endOfConversation", "trace", "handoff", "command"]), _ => { }),
            10 => MentionMessage(),
            _ => FileMessage(),
        };
        if (random.Next(2) == 0)
        {
            activity.ExpectingReplies();
        }

        return activity;
    }

    private FuzzCase Structural()
    {
        var activity = RealActivity();
        var mutations = 1 + random.Next(4);
        var kinds = new List<string>();
        for (var i = 0; i < mutations; i++)
        {
            kinds.Add(Mutate(activity));
        }

        return new FuzzCase("structural: " + string.Join(", ", kinds), Utf8(activity.ToJsonString()));
    }

    private FuzzCase Injected()
    {
        var injection = Pick(Injections);
        var activity = random.Next(3) switch
        {
            0 => TestActivities.Message(injection, serviceUrl),
            1 => TestActivities.Submit(SubmitValue(injection), "activity-card-1", serviceUrl),
            _ => TestActivities.Execute(Pick(Verbs), CardData(injection), "activity-card-1", serviceUrl),
        };
        if (random.Next(2) == 0)
        {
            activity.ExpectingReplies();
        }

        return new FuzzCase("injection in text fields", Utf8(activity.ToJsonString()));
    }

    private FuzzCase ByteLevel()
    {
        var bytes = Utf8(RealActivity().ToJsonString());

        // The serviceUrl is left intact: a reply to a connector address that does not exist fails
        // the turn (a dependency failure, 5xx by design), and with authentication on the token binds
        // the serviceUrl anyway. Everything else may be damaged.
        var text = Encoding.UTF8.GetString(bytes);
        var protectedStart = text.IndexOf("\"serviceUrl\"", StringComparison.Ordinal);
        var protectedEnd = protectedStart < 0 ? -1 : text.IndexOf(',', protectedStart);
        int Position()
        {
            while (true)
            {
                var position = random.Next(bytes.Length);
                if (position < protectedStart || position > protectedEnd)
                {
                    return position;
                }
            }
        }

        switch (random.Next(4))
        {
            case 0:
                return new FuzzCase("truncated", bytes[..random.Next(bytes.Length)]);
            case 1:
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    bytes[Position()] ^= (byte)(1 << random.Next(8));
                }

                return new FuzzCase("flipped bits", bytes);
            case 2:
                var insert = new byte[1 + random.Next(16)];
                random.NextBytes(insert);
                var at = Position();
                return new FuzzCase("inserted bytes", [.. bytes[..at], .. insert, .. bytes[at..]]);
            default:
                // Invalid UTF-8 (an overlong encoding and a lone continuation byte) inside a string value.
                var index = text.IndexOf("\"id\":\"", StringComparison.Ordinal);
                var prefix = Utf8(text[..(index + 6)]);
                return new FuzzCase("invalid UTF-8 in a string", [.. prefix, 0xC0, 0xAF, 0x80, .. Utf8(text[(index + 6)..])]);
        }
    }

    private FuzzCase RandomBytes()
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        return new FuzzCase("random bytes", bytes, random.Next(3) == 0 ? null : "application/json");
    }

    private FuzzCase DeepNesting()
    {
        var depth = Pick(new[] { 63, 65, 200, 5_000, 100_000 });
        var activity = RealActivity();
        var marker = "\"__deep__\"";
        activity["value"] = JsonValue.Create("__deep__");
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var body = activity.ToJsonString().Replace(marker, nested, StringComparison.Ordinal);
        return new FuzzCase($"nesting {depth} deep", Utf8(body));
    }

    private FuzzCase Huge()
    {
        var activity = RealActivity();
        var size = Pick(new[] { 64 * 1024, 900 * 1024, 2 * 1024 * 1024 });
        var field = Pick(new[] { "text", "name", "locale", "id" });
        activity[field] = new string(Pick(new[] { 'a', 'é', '<', '*' }), size);
        return new FuzzCase($"{size / 1024} KB string in {field}", Utf8(activity.ToJsonString()));
    }

    private FuzzCase Odd()
    {
        var json = RealActivity().ToJsonString();
        return random.Next(9) switch
        {
            0 => new FuzzCase("empty body", []),
            1 => new FuzzCase("JSON null", Utf8("null")),
            2 => new FuzzCase("JSON array", Utf8("[" + json + "]")),
            3 => new FuzzCase("JSON string", Utf8("\"message\"")),
            4 => new FuzzCase("UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. Utf8(json)]),
            5 => new FuzzCase("UTF-16", Encoding.Unicode.GetBytes(json), "application/json; charset=utf-16"),
            6 => new FuzzCase("duplicate keys", Utf8("{\"type\":\"invoke\"," + json[1..])),
            7 => new FuzzCase("text/plain", Utf8(json), "text/plain"),
            _ => new FuzzCase("trailing garbage", Utf8(json + "}{,")),
        };
    }

    /// <summary>Applies one random structural mutation somewhere in the tree and says which.</summary>
    private string Mutate(JsonObject root)
    {
        var (parent, key) = PickProperty(root);
        switch (random.Next(6))
        {
            case 0:
                parent.Remove(key);
                return "removed " + key;
            case 1:
                parent[key] = RandomValue();
                return "retyped " + key;
            case 2:
                var value = parent[key];
                parent.Remove(key);
                parent[key.ToUpperInvariant() + "_"] = value;
                return "renamed " + key;
            case 3:
                parent["x-" + random.Next(1000)] = RandomValue();
                return "added unknown field";
            case 4:
                parent[key] = new JsonArray(RandomValue(), RandomValue());
                return "array for " + key;
            default:
                parent[key] = Pick(Injections);
                return "injection in " + key;
        }
    }

    private (JsonObject Parent, string Key) PickProperty(JsonObject root)
    {
        var candidates = new List<(JsonObject, string)>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj.ToList())
                {
                    candidates.Add((obj, name));
                    Walk(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Walk(item);
                }
            }
        }

        Walk(root);
        return candidates[random.Next(candidates.Count)];
    }

    private JsonNode? RandomValue() => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next()),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(double.MaxValue),
        5 => JsonValue.Create(string.Empty),
        6 => JsonValue.Create(new string('x', random.Next(1, 20_000))),
        7 => new JsonArray(),
        8 => new JsonObject(),
        9 => JsonValue.Create(LoneSurrogate),
        10 => JsonValue.Create(long.MinValue),
        _ => JsonValue.Create(Pick(Injections)),
    };

    private JsonObject CardData(string? text = null) => new()
    {
        ["entryId"] = text ?? Pick(new[] { "beeldmateriaal", "datalek", "../secrets", "" }),
        ["helpful"] = random.Next(2) == 0,
        ["question"] = text ?? "Mag dit?",
        ["kind"] = Pick(new[] { "lostDevice", "wrongRecipient", "hack", "nonsense" }),
    };

    private JsonObject SubmitValue(string? text = null) => new()
    {
        ["verb"] = Pick(Verbs),
        ["submissionId"] = Guid.NewGuid().ToString(),
        ["kind"] = Pick(new[] { "lostDevice", "wrongRecipient", "unknown" }),
        ["description"] = text ?? "Laptop in de trein laten liggen.",
        ["discoveredAt"] = Pick(new[] { "2026-11-23T10:00", "gisteren", "", "9999-99-99" }),
        ["categories"] = Pick(new[] { "contact,grades", "", "health,,," }),
        ["count"] = Pick(new[] { "upTo100", "-5", "" }),
        ["measures"] = text ?? "Wachtwoord gewijzigd.",
    };

    private JsonObject MentionMessage()
    {
        var activity = TestActivities.Message("<at>Privacy Assistant</at> mag ik cijfers mailen?", serviceUrl);
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Privacy Assistant</at>",
            ["mentioned"] = new JsonObject { ["id"] = TestActivities.BotId, ["name"] = "Privacy Assistant" },
        });
        activity["conversation"]!["conversationType"] = "channel";
        return activity;
    }

    private JsonObject FileMessage()
    {
        var activity = TestActivities.Message(null, serviceUrl);
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://school.sharepoint.example/leerlingen.xlsx",
            ["name"] = "leerlingen.xlsx",
            ["content"] = new JsonObject { ["downloadUrl"] = "https://school.sharepoint.example/dl", ["fileType"] = "xlsx" },
        });
        return activity;
    }

    private static JsonObject WithType(JsonObject activity, string type, Action<JsonObject> configure)
    {
        activity["type"] = type;
        activity.Remove("text");
        configure(activity);
        return activity;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    // A JSON writer refuses invalid UTF-16, so the escape is put into the text afterwards.
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal));
}
