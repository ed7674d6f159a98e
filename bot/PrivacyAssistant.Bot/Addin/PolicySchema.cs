using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PrivacyAssistant.Bot.Addin;

/// <summary>
/// The add-in policy's JSON schema (draft-07), read with System.Text.Json and applied by a checker
/// that knows only the keywords the schema uses: type, required, properties, additionalProperties,
/// propertyNames, items, const, pattern, minLength, exclusiveMinimum and local <c>$ref</c>s. A schema
/// with any other keyword is refused when it is read, so a new rule cannot be skipped silently.
/// </summary>
/// <remarks>
/// Start-up validated the policy with NJsonSchema, whose schema reader (Newtonsoft, reflection)
/// took ≈ 0.8 s at every start for a 5 KB schema (issue #7). The tests hold this checker and
/// NJsonSchema to the same verdicts on the shipped policy and on broken variants of it, except where
/// NJsonSchema does not apply <c>const</c> and <c>propertyNames</c> (it let <c>"version": 2</c> through).
/// </remarks>
public sealed class PolicySchema
{
    // Keywords that only describe; they never reject a document.
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions",
    };

    private static readonly HashSet<string> Checked = new(StringComparer.Ordinal)
    {
        "type", "required", "properties", "additionalProperties", "propertyNames", "items", "const",
        "pattern", "minLength", "exclusiveMinimum", "$ref",
    };

    private static readonly string[] Types = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private readonly JsonElement _root;
    private readonly Dictionary<string, Regex> _patterns;

    private PolicySchema(JsonElement root, Dictionary<string, Regex> patterns)
    {
        _root = root;
        _patterns = patterns;
    }

    /// <summary>Reads a schema; throws <see cref="JsonException"/> for bad JSON and <see cref="FormatException"/> naming what the checker cannot apply.</summary>
    public static PolicySchema Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        CheckSchema(root, root, "#", patterns);
        return new PolicySchema(root, patterns);
    }

    /// <summary>The problems of <paramref name="instance"/>, each as "path: problem"; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var problems = new List<string>();
        Validate(_root, instance, "#", problems);
        return problems;
    }

    private static void CheckSchema(JsonElement schema, JsonElement root, string at, Dictionary<string, Regex> patterns)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{at}: a schema must be an object or a boolean");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Checked.Contains(keyword.Name) && !Annotations.Contains(keyword.Name))
            {
                throw new FormatException($"{at}: the keyword '{keyword.Name}' is not supported by the start-up check (PolicySchema)");
            }
        }

        if (schema.TryGetProperty("type", out var type)
            && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : [type]).Any(t => !Types.Contains(t.GetString() ?? "")))
        {
            throw new FormatException($"{at}: 'type' must name JSON types ({string.Join(", ", Types)})");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            if (schema.EnumerateObject().Any(k => k.Name != "$ref" && !Annotations.Contains(k.Name)))
            {
                throw new FormatException($"{at}: keywords beside $ref are ignored by draft-07; move them into the referenced schema");
            }

            _ = Resolve(root, reference.GetString() ?? "", at);
        }

        foreach (var keyword in new[] { "additionalProperties", "propertyNames", "items" })
        {
            if (schema.TryGetProperty(keyword, out var sub))
            {
                if (keyword == "items" && sub.ValueKind == JsonValueKind.Array)
                {
                    throw new FormatException($"{at}: 'items' as an array (tuple form) is not supported by the start-up check");
                }

                CheckSchema(sub, root, $"{at}/{keyword}", patterns);
            }
        }

        foreach (var container in new[] { "properties", "definitions" })
        {
            if (schema.TryGetProperty(container, out var subs))
            {
                foreach (var sub in subs.EnumerateObject())
                {
                    CheckSchema(sub.Value, root, $"{at}/{container}/{sub.Name}", patterns);
                }
            }
        }

        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var text = pattern.GetString() ?? "";
            patterns.TryAdd(text, new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
    }

    private static JsonElement Resolve(JsonElement root, string reference, string at)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new FormatException($"{at}: only references inside the schema (#/...) are supported, not '{reference}'");
        }

        var target = root;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
            {
                throw new FormatException($"{at}: the reference '{reference}' points at nothing");
            }
        }

        return target;
    }

    private void Validate(JsonElement schema, JsonElement instance, string at, List<string> problems)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            problems.Add($"{at}: not allowed here");
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(Resolve(_root, reference.GetString()!, at), instance, at, problems);
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(type, instance))
        {
            problems.Add($"{at}: must be {Describe(type)}");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
        {
            problems.Add($"{at}: must be {constant.GetRawText()}");
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(schema, instance, at, problems);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var item in instance.EnumerateArray())
                {
                    Validate(items, item, $"{at}[{index++}]", problems);
                }

                break;
            case JsonValueKind.String:
                ValidateString(schema, instance.GetString()!, at, problems);
                break;
            case JsonValueKind.Number when schema.TryGetProperty("exclusiveMinimum", out var minimum):
                if (instance.GetDouble() <= minimum.GetDouble())
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}: must be greater than {minimum.GetRawText()}"));
                }

                break;
        }
    }

    private void ValidateObject(JsonElement schema, JsonElement instance, string at, List<string> problems)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray())
            {
                if (!instance.TryGetProperty(name.GetString()!, out _))
                {
                    problems.Add($"{at}: '{name.GetString()}' is missing");
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        var hasNames = schema.TryGetProperty("propertyNames", out var names);
        foreach (var property in instance.EnumerateObject())
        {
            var path = $"{at}/{property.Name}";
            if (hasNames)
            {
                Validate(names, JsonSerializer.SerializeToElement(property.Name), $"{path} (name)", problems);
            }

            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(propertySchema, property.Value, path, problems);
            }
            else if (hasAdditional)
            {
                Validate(additional, property.Value, path, problems);
            }
        }
    }

    private void ValidateString(JsonElement schema, string value, string at, List<string> problems)
    {
        if (schema.TryGetProperty("minLength", out var minLength) && CodePoints(value) < minLength.GetInt32())
        {
            problems.Add($"{at}: must be at least {minLength.GetInt32()} character(s) long");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !_patterns[pattern.GetString()!].IsMatch(value))
        {
            problems.Add($"{at}: must match {pattern.GetString()}");
        }
    }

    private static bool HasType(JsonElement type, JsonElement instance) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => IsType(t.GetString(), instance))
            : IsType(type.GetString(), instance);

    private static bool IsType(string? type, JsonElement instance) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && double.IsInteger(instance.GetDouble()),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => "a(n) " + t.GetString())) : "a(n) " + type.GetString();

    private static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
