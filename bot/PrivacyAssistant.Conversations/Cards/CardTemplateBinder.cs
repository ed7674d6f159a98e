using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>
/// Binds an Adaptive Card template to data: a subset of Adaptive Cards Templating.
/// <list type="bullet">
/// <item><c>"${expr}"</c> as a whole string value is replaced by the value with its JSON type
/// (string, number, boolean, object, array); if it is null, the property is left out.</item>
/// <item><c>"text ${expr} text"</c> interpolates the values as text (null = empty).</item>
/// <item><c>"$data": "${path}"</c> on an element in an array repeats the element for each item of
/// the array it names (inside, names resolve against the item; <c>$index</c> is its position;
/// <c>$root</c> is the top-level data). On other objects it only changes the scope. A null
/// <c>$data</c> leaves the element out.</item>
/// <item><c>"$when": "${expr}"</c> keeps the element only when the expression is truthy.</item>
/// <item><c>$strings.key</c> names an entry of the card's string table in the user's language.</item>
/// </list>
/// Values from the data are inserted as JSON values, never spliced into JSON text, and inserted
/// text is never evaluated again: user input cannot add card elements or expressions. User text
/// shown in Markdown should still go through <c>escapeMarkdown(…)</c> (or <see cref="MarkdownText"/>).
/// Expressions are described in <see cref="TemplateExpression"/>.
/// </summary>
public static class CardTemplateBinder
{
    /// <summary>Binds <paramref name="template"/> (not modified) to <paramref name="data"/> and <paramref name="strings"/>.</summary>
    public static JsonObject Bind(JsonObject template, JsonNode? data, JsonObject? strings = null)
    {
        var scope = new TemplateScope(data, data, strings, null);
        return BindValue(template, scope) as JsonObject
            ?? throw new CardTemplateException("The template's root was left out by its $when or $data.");
    }

    /// <summary>Marks an element or property that binding leaves out.</summary>
    private static readonly object Omitted = new();

    /// <summary>Returns the bound node, or <see cref="Omitted"/> when the element or property is left out.</summary>
    private static object? BindValue(JsonNode? node, TemplateScope scope)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue("$data", out var dataNode))
                {
                    var data = ResolveData(dataNode, scope);
                    if (data is null)
                    {
                        return Omitted;
                    }

                    scope = scope.WithData(data, scope.Index);
                }

                return BindObject(obj, scope);
            case JsonArray array:
                return BindArray(array, scope);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return BindString(value.GetValue<string>(), scope);
            case null:
                return null;
            default:
                return node.DeepClone();
        }
    }

    private static object BindObject(JsonObject obj, TemplateScope scope)
    {
        if (obj.TryGetPropertyValue("$when", out var when) && !IsTrue(when, scope))
        {
            return Omitted;
        }

        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (name is "$data" or "$when")
            {
                continue;
            }

            var bound = BindValue(value, scope);
            if (!ReferenceEquals(bound, Omitted))
            {
                result[name] = (JsonNode?)bound;
            }
        }

        return result;
    }

    private static JsonArray BindArray(JsonArray array, TemplateScope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject obj && obj.TryGetPropertyValue("$data", out var dataNode))
            {
                var data = ResolveData(dataNode, scope);
                if (data is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        AddIfKept(result, BindObject(obj, scope.WithData(items[i], i)));
                    }
                }
                else if (data is not null)
                {
                    AddIfKept(result, BindObject(obj, scope.WithData(data, null)));
                }

                continue;
            }

            var bound = BindValue(item, scope);
            if (!ReferenceEquals(bound, Omitted))
            {
                result.Add((JsonNode?)bound);
            }
        }

        return result;
    }

    private static void AddIfKept(JsonArray array, object bound)
    {
        if (!ReferenceEquals(bound, Omitted))
        {
            array.Add((JsonNode?)bound);
        }
    }

    private static JsonNode? ResolveData(JsonNode? dataNode, TemplateScope scope) => dataNode switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => TryWholeExpression(value.GetValue<string>(), out var expression)
            ? TemplateExpression.Evaluate(expression, scope)
            : throw new CardTemplateException($"$data must be an expression like \"${{items}}\", not '{value.GetValue<string>()}'."),
        _ => dataNode,
    };

    private static bool IsTrue(JsonNode? when, TemplateScope scope) => when switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => TryWholeExpression(value.GetValue<string>(), out var expression)
            ? TemplateExpression.IsTruthy(TemplateExpression.Evaluate(expression, scope))
            : throw new CardTemplateException($"$when must be an expression like \"${{exists(x)}}\", not '{value.GetValue<string>()}'."),
        _ => TemplateExpression.IsTruthy(when),
    };

    private static object? BindString(string text, TemplateScope scope)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        if (TryWholeExpression(text, out var whole))
        {
            var value = TemplateExpression.Evaluate(whole, scope);
            return value is null ? Omitted : value.DeepClone();
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }

            builder.Append(text, position, start - position);
            var end = FindClose(text, start + 2);
            builder.Append(TemplateExpression.ToText(TemplateExpression.Evaluate(text[(start + 2)..end], scope)));
            position = end + 1;
        }

        return JsonValue.Create(builder.ToString());
    }

    private static bool TryWholeExpression(string text, out string expression)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith('}') && FindClose(trimmed, 2) == trimmed.Length - 1)
        {
            expression = trimmed[2..^1];
            return true;
        }

        expression = string.Empty;
        return false;
    }

    /// <summary>Index of the <c>}</c> closing an expression that starts at <paramref name="from"/>, skipping quoted text.</summary>
    private static int FindClose(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        throw new CardTemplateException($"Unclosed '${{' in template text '{text}'.");
    }
}
