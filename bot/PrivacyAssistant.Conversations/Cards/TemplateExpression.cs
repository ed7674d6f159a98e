using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>
/// Parses and evaluates the expressions inside <c>${…}</c>: a small subset of the Adaptive
/// Expressions language used by Adaptive Cards Templating.
/// <list type="bullet">
/// <item>Paths: <c>name</c>, <c>a.b</c>, <c>items[0].title</c>, <c>$data</c>, <c>$root.x</c>, <c>$index</c>, <c>$strings.key</c>.</item>
/// <item>Literals: <c>'text'</c>, <c>"text"</c>, numbers, <c>true</c>, <c>false</c>, <c>null</c>.</item>
/// <item>Operators: <c>!</c>, <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>||</c>, parentheses.</item>
/// <item>Functions: <c>not(x)</c>, <c>empty(x)</c>, <c>exists(x)</c>, <c>count(x)</c>, <c>equals(a, b)</c>,
/// <c>if(c, a, b)</c>, <c>escapeMarkdown(x)</c>.</item>
/// </list>
/// A missing path is null. Falsy: null, false, 0, "" and empty arrays or objects.
/// </summary>
internal static class TemplateExpression
{
    /// <summary>Evaluates <paramref name="expression"/> in <paramref name="scope"/>; the result may be shared with the data (clone before inserting).</summary>
    public static JsonNode? Evaluate(string expression, TemplateScope scope)
    {
        var parser = new Parser(expression, scope);
        var result = parser.ParseExpression();
        parser.ExpectEnd();
        return result;
    }

    /// <summary>Truthiness of a value.</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => ToDecimal(value) != 0,
            _ => true,
        },
        _ => true,
    };

    /// <summary>The text of a value when interpolated into a string.</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => ToDecimal(value).ToString(CultureInfo.InvariantCulture),
            _ => string.Empty,
        },
        _ => throw new CardTemplateException("An object or array cannot be interpolated into text; bind it as a whole value or use $data."),
    };

    private static decimal ToDecimal(JsonValue value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb
            && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
        {
            return ToDecimal(va) == ToDecimal(vb);
        }

        return JsonNode.DeepEquals(a, b);
    }

    private sealed class Parser(string text, TemplateScope scope)
    {
        private int _position;

        public JsonNode? ParseExpression() => ParseOr();

        public void ExpectEnd()
        {
            SkipWhitespace();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{text[_position]}'");
            }
        }

        private JsonNode? ParseOr()
        {
            var left = ParseAnd();
            while (TryConsume("||"))
            {
                var right = ParseAnd();
                left = JsonValue.Create(IsTruthy(left) || IsTruthy(right));
            }

            return left;
        }

        private JsonNode? ParseAnd()
        {
            var left = ParseUnary();
            while (TryConsume("&&"))
            {
                var right = ParseUnary();
                left = JsonValue.Create(IsTruthy(left) && IsTruthy(right));
            }

            return left;
        }

        private JsonNode? ParseUnary()
        {
            SkipWhitespace();
            if (Peek() == '!' && PeekAt(1) != '=')
            {
                _position++;
                return JsonValue.Create(!IsTruthy(ParseUnary()));
            }

            return ParseComparison();
        }

        private JsonNode? ParseComparison()
        {
            var left = ParsePrimary();
            if (TryConsume("=="))
            {
                return JsonValue.Create(AreEqual(left, ParsePrimary()));
            }

            if (TryConsume("!="))
            {
                return JsonValue.Create(!AreEqual(left, ParsePrimary()));
            }

            return left;
        }

        private JsonNode? ParsePrimary()
        {
            SkipWhitespace();
            var c = Peek();
            if (c == '(')
            {
                _position++;
                var inner = ParseOr();
                Expect(')');
                return inner;
            }

            if (c is '\'' or '"')
            {
                return JsonValue.Create(ParseString());
            }

            if (char.IsDigit(c) || (c == '-' && char.IsDigit(PeekAt(1))))
            {
                return ParseNumber();
            }

            if (char.IsLetter(c) || c is '$' or '_')
            {
                var identifier = ParseIdentifier();
                SkipWhitespace();
                if (Peek() == '(')
                {
                    return CallFunction(identifier);
                }

                return identifier switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    "null" => null,
                    _ => ParsePathRest(Start(identifier)),
                };
            }

            throw Error(_position < text.Length ? $"unexpected '{c}'" : "unexpected end");
        }

        private JsonNode? Start(string identifier) => identifier switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$index" => scope.Index is { } index ? JsonValue.Create(index) : null,
            "$strings" => scope.Strings,
            _ when identifier.StartsWith('$') => throw Error($"unknown name '{identifier}'"),
            _ => (scope.Data as JsonObject)?[identifier],
        };

        private JsonNode? ParsePathRest(JsonNode? current)
        {
            while (true)
            {
                if (Peek() == '.')
                {
                    _position++;
                    var name = ParseIdentifier();
                    current = (current as JsonObject)?[name];
                }
                else if (Peek() == '[')
                {
                    _position++;
                    SkipWhitespace();
                    var indexNode = ParseNumber();
                    Expect(']');
                    var index = (int)ToDecimal((JsonValue)indexNode!);
                    current = current is JsonArray array && index >= 0 && index < array.Count ? array[index] : null;
                }
                else
                {
                    return current;
                }
            }
        }

        private JsonNode? CallFunction(string name)
        {
            Expect('(');
            var arguments = new List<JsonNode?>();
            SkipWhitespace();
            if (Peek() != ')')
            {
                do
                {
                    arguments.Add(ParseOr());
                }
                while (TryConsume(","));
            }

            Expect(')');
            return (name, arguments.Count) switch
            {
                ("not", 1) => JsonValue.Create(!IsTruthy(arguments[0])),
                ("empty", 1) => JsonValue.Create(IsEmptyValue(arguments[0])),
                ("exists", 1) => JsonValue.Create(arguments[0] is not null),
                ("count", 1) => JsonValue.Create(arguments[0] switch
                {
                    JsonArray array => array.Count,
                    JsonObject obj => obj.Count,
                    JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length,
                    _ => 0,
                }),
                ("equals", 2) => JsonValue.Create(AreEqual(arguments[0], arguments[1])),
                ("if", 3) => IsTruthy(arguments[0]) ? arguments[1] : arguments[2],
                ("escapeMarkdown", 1) => JsonValue.Create(MarkdownText.Escape(ToText(arguments[0]))),
                _ => throw Error($"unknown function {name} with {arguments.Count} argument(s)"),
            };
        }

        private static bool IsEmptyValue(JsonNode? node) => node switch
        {
            null => true,
            JsonArray array => array.Count == 0,
            JsonObject obj => obj.Count == 0,
            JsonValue value => value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0,
            _ => false,
        };

        private string ParseIdentifier()
        {
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '$'))
            {
                _position++;
            }

            if (start == _position)
            {
                throw Error("expected a name");
            }

            return text[start.._position];
        }

        private string ParseString()
        {
            var quote = text[_position++];
            var builder = new System.Text.StringBuilder();
            while (_position < text.Length && text[_position] != quote)
            {
                if (text[_position] == '\\' && _position + 1 < text.Length)
                {
                    _position++;
                }

                builder.Append(text[_position++]);
            }

            Expect(quote);
            return builder.ToString();
        }

        private JsonNode? ParseNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '.'))
            {
                _position++;
            }

            var literal = text[start.._position];
            return decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : throw Error($"bad number '{literal}'");
        }

        private bool TryConsume(string token)
        {
            SkipWhitespace();
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) == 0)
            {
                _position += token.Length;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipWhitespace();
            if (Peek() != c)
            {
                throw Error($"expected '{c}'");
            }

            _position++;
        }

        private char Peek() => _position < text.Length ? text[_position] : '\0';

        private char PeekAt(int offset) => _position + offset < text.Length ? text[_position + offset] : '\0';

        private void SkipWhitespace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private CardTemplateException Error(string problem) =>
            new($"Template expression '${{{text}}}': {problem} at position {_position}.");
    }
}
