using System.Text.Json.Nodes;
using NJsonSchema;
using Xunit;

namespace PrivacyAssistant.Testing.Cards;

/// <summary>
/// Validates cards against the Adaptive Card 1.5 JSON schema (draft-06) that Teams supports,
/// plus accessibility rules the schema cannot express.
/// </summary>
public static class AdaptiveCardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.SharedSchema("adaptive-card-1.5.json")).GetAwaiter().GetResult());

    /// <summary>Asserts that a card (e.g. one that went over the wire) is valid Adaptive Card 1.5 and accessible.</summary>
    public static void AssertValid(JsonObject card)
    {
        var problems = Validate(card).Concat(AccessibilityProblems(card)).ToList();
        Assert.True(problems.Count == 0, "Not a valid, accessible Adaptive Card 1.5:\n" + string.Join("\n", problems));
    }

    /// <summary>Schema violations, as "path: kind" lines; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(JsonObject card) =>
        Schema.Value.Validate(card.ToJsonString()).Select(e => $"{e.Path}: {e.Kind} {e.Property}").ToList();

    /// <summary>
    /// Accessibility and rendering problems: every TextBlock wraps, every Image has alt text, every
    /// action has a title, every input has a label, and no template expression is left unbound.
    /// </summary>
    public static IReadOnlyList<string> AccessibilityProblems(JsonObject card)
    {
        var problems = new List<string>();
        Walk(card, "$", problems);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = obj["type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : null;
                if (type == "TextBlock" && obj["wrap"]?.GetValue<bool>() != true)
                {
                    problems.Add($"{path}: TextBlock without wrap: true");
                }

                if (type == "Image" && string.IsNullOrWhiteSpace(obj["altText"]?.GetValue<string>()))
                {
                    problems.Add($"{path}: Image without altText");
                }

                if (type?.StartsWith("Action.", StringComparison.Ordinal) == true && string.IsNullOrWhiteSpace(obj["title"]?.GetValue<string>()))
                {
                    problems.Add($"{path}: {type} without title");
                }

                if (type?.StartsWith("Input.", StringComparison.Ordinal) == true && string.IsNullOrWhiteSpace(obj["label"]?.GetValue<string>()))
                {
                    problems.Add($"{path}: {type} without label");
                }

                foreach (var (name, value) in obj)
                {
                    Walk(value, $"{path}.{name}", problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", problems);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal):
                problems.Add($"{path}: unbound template expression '{text}'");
                break;
        }
    }
}
