using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Tests.Schema;

/// <summary>
/// <see cref="ActivityReader"/> against the serialiser on real shapes and thousands of mutations of them: whatever
/// it accepts must come out as the serialiser's activity (compared by writing both), and it must decline every
/// body the serialiser refuses, so that the serialiser words the error.
/// </summary>
public sealed class ActivityReaderTests
{
    private static readonly string[] Shapes =
    [
        """
        {"type":"message","id":"1700000000000","timestamp":"2026-11-23T10:11:23.671Z","localTimestamp":"2026-11-23T11:11:23.671+01:00",
         "localTimezone":"Europe/Amsterdam","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
         "from":{"id":"29:1abc","name":"J. de Vries","aadObjectId":"0b1c2d3e-0000-4000-8000-0000000000aa"},
         "conversation":{"conversationType":"personal","tenantId":"7a1b2c3d-0000-4000-8000-00000000a11e","id":"a:1xyz"},
         "recipient":{"id":"28:3f1e2d4c","name":"Privacy Assistant"},"textFormat":"plain","locale":"nl-NL",
         "text":"mag ik  foto\u0027s delen? \u00e9\ud83d\ude00","entities":[{"type":"clientInfo","locale":"nl-NL","country":"NL","platform":"Web","timezone":"Europe/Amsterdam"}],
         "channelData":{"tenant":{"id":"7a1b2c3d-0000-4000-8000-00000000a11e"}},"deliveryMode":"expectReplies"}
        """,
        """
        {"type":"message","id":"1:abc","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "from":{"id":"29:2","name":"Docent","aadObjectId":"x","role":"user"},"recipient":{"id":"28:bot","name":"Privacy Assistant","role":"bot"},
         "conversation":{"id":"19:abc@thread.tacv2;messageid=1","conversationType":"channel","isGroup":true,"tenantId":"t","name":"Team"},
         "text":"<at>Privacy Assistant</at> help","summary":"s","replyToId":"1:0","name":"n",
         "entities":[{"type":"mention","text":"<at>Privacy Assistant</at>","mentioned":{"id":"28:bot","name":"Privacy Assistant"}},{"type":"clientInfo","locale":"en-US"}],
         "channelData":{"tenant":{"id":"t"},"teamsChannelId":"19:abc","settings":{"selectedChannel":{"id":"19:abc"}}}}
        """,
        """
        {"type":"message","id":null,"timestamp":null,"channelId":"msteams","serviceUrl":"http://127.0.0.1:1/","from":null,"recipient":null,
         "conversation":{"id":"a:1","isGroup":false},"locale":null,"text":null,"entities":[],"channelData":null,
         "value":{"verb":"faq.feedback","entryId":"x","helpful":true,"nested":[1,2.5,"\u00e9",null,{"A":1,"a":2}]},"replyToId":"act-1"}
        """,
        """{"type":"invoke","name":"adaptiveCard/action","channelId":"msteams","conversation":{"id":"a:1"},"value":{"action":{"type":"Action.Execute","verb":"breach.start","data":{}}},"entities":[{"properties":1,"Properties":2}]}""",
        """{"type":"message","channelId":"msteams","conversation":{"id":"a:1"},"value":"just a string","channelData":5,"entities":[{}],"timestamp":"2026-11-23T10:11:23+01:00"}""",
        """{"type":"message","channelId":"msteams","conversation":{"id":"a:1"},"timestamp":"2026-11-23","localTimestamp":"2026-11-23T10:11:23.1234567-05:30","text":"\t\n"}""",
    ];

    private static readonly JsonNode?[] OddValues =
        [null, 0, 1.5, -1, true, false, "", "s", "\ud800", "2026-11-23T10:11:23Z", new JsonArray(), new JsonArray(1, "x"), new JsonObject(), new JsonObject { ["id"] = "x" }];

    [Fact]
    public void TryRead_AcceptsTheCommonShapes()
    {
        foreach (var shape in Shapes)
        {
            Assert.True(ActivityReader.TryRead(Encoding.UTF8.GetBytes(shape), out var activity), shape);
            Assert.NotNull(activity);
        }
    }

    [Fact]
    public void TryRead_ChannelDataReadLater_IsTheSerialisersNode()
    {
        var body = Encoding.UTF8.GetBytes(Shapes[1]);
        var expected = JsonSerializer.Deserialize<Activity>(body, BotJson.Options)!;

        Assert.True(ActivityReader.TryRead(body, out var activity));

        // Same content, and the same (case-insensitive) property lookup the serialiser's options give its nodes.
        Assert.Equal(expected.ChannelData!.ToJsonString(), activity!.ChannelData!.ToJsonString());
        Assert.Equal("t", activity.ChannelData!["TENANT"]!["Id"]!.GetValue<string>());
        Assert.Equal("t", activity.GetTenantId());
    }

    [Fact]
    public void TryRead_ReadsWhatTheSerialiserReadsAndDeclinesWhatItRefuses()
    {
        var accepted = 0;
        var checkedBodies = 0;
        foreach (var body in Bodies())
        {
            checkedBodies++;
            Activity? expected = null;
            Exception? refused = null;
            try
            {
                expected = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
            }
            catch (Exception ex)
            {
                refused = ex;
            }

            var read = ActivityReader.TryRead(body, out var activity);
            if (refused is not null)
            {
                Assert.False(read, $"accepted a body the serialiser refuses ({refused.GetType().Name}): {Encoding.UTF8.GetString(body)}");
                continue;
            }

            if (read)
            {
                accepted++;
                Assert.Equal(Write(expected), Write(activity));
            }
        }

        // Not a vacuous comparison: a good share of the mutated bodies is read directly.
        Assert.True(accepted > checkedBodies / 10, $"{accepted} of {checkedBodies} read directly");
    }

    private static string Write(Activity? activity) => JsonSerializer.Serialize(activity, BotJson.Options);

    private static IEnumerable<byte[]> Bodies()
    {
        var random = new Random(20261207);
        foreach (var shape in Shapes)
        {
            var json = Encoding.UTF8.GetBytes(shape);
            yield return json;

            var root = JsonNode.Parse(shape)!.AsObject();
            foreach (var (path, parent, key) in Members(root))
            {
                // Removed, retyped, renamed in another case, sent twice, next to an unknown field.
                var copy = Clone(root);
                Resolve(copy, path).AsObject().Remove(key);
                yield return Encoding.UTF8.GetBytes(copy.ToJsonString());

                foreach (var odd in OddValues)
                {
                    copy = Clone(root);
                    Resolve(copy, path).AsObject()[key] = odd?.DeepClone();
                    yield return Encoding.UTF8.GetBytes(copy.ToJsonString());
                }

                var text = shape.Replace($"\"{key}\":", $"\"{char.ToUpperInvariant(key[0])}{key[1..]}\":", StringComparison.Ordinal);
                yield return Encoding.UTF8.GetBytes(text);
                yield return Encoding.UTF8.GetBytes(shape.Replace($"\"{key}\":", $"\"{key}\":null,\"{key}\":", StringComparison.Ordinal));
                yield return Encoding.UTF8.GetBytes(shape.Replace($"\"{key}\":", $"\"unknownField\":[1,{{}}],\"{key}\":", StringComparison.Ordinal));
                yield return Encoding.UTF8.GetBytes(shape.Replace($"\"{key}\":", $"\"\\u{(int)key[0]:x4}{key[1..]}\":", StringComparison.Ordinal));
            }

            // Cut short, bytes flipped or inserted, trailing content, a BOM, comments and trailing commas.
            for (var cut = 0; cut < json.Length; cut += 3)
            {
                yield return json[..cut];
            }

            for (var i = 0; i < 300; i++)
            {
                var damaged = json.ToArray();
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                yield return damaged;
            }

            yield return [.. json, .. "{}"u8];
            yield return [.. json, .. " \r\n\t"u8];
            yield return [0xEF, 0xBB, 0xBF, .. json];
            yield return Encoding.UTF8.GetBytes(shape.Replace("{\"type\":", "{/* c */\"type\":", StringComparison.Ordinal));
            yield return Encoding.UTF8.GetBytes(shape.TrimEnd()[..^1] + ",}");
            yield return Encoding.UTF8.GetBytes("[" + shape + "]");
        }

        yield return "null"u8.ToArray();
        yield return "\"message\""u8.ToArray();
        yield return "{}"u8.ToArray();
        yield return Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":" + new string('[', 70) + new string(']', 70) + "}");
    }

    /// <summary>Every member of every object in the tree: the path to its object, and its name.</summary>
    private static IEnumerable<(string[] Path, JsonObject Parent, string Key)> Members(JsonObject root, string[]? path = null)
    {
        path ??= [];
        foreach (var (key, value) in root.ToList())
        {
            yield return (path, root, key);
            if (value is JsonObject child)
            {
                foreach (var member in Members(child, [.. path, key]))
                {
                    yield return member;
                }
            }
            else if (value is JsonArray array && array.Count > 0 && array[0] is JsonObject first)
            {
                foreach (var member in Members(first, [.. path, key, "0"]))
                {
                    yield return member;
                }
            }
        }
    }

    private static JsonNode Resolve(JsonNode root, string[] path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = node is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!;
        }

        return node;
    }

    private static JsonObject Clone(JsonObject root) => root.DeepClone().AsObject();
}
