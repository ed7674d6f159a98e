using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>
/// The cards and texts of the bot, loaded from JSON files embedded under <c>Cards/</c>:
/// <list type="bullet">
/// <item><c>Cards/&lt;Name&gt;.json</c>: an Adaptive Card 1.5 template (see <see cref="CardTemplateBinder"/>).</item>
/// <item><c>Cards/&lt;Name&gt;.strings.json</c>: its texts, <c>{"nl": {…}, "en": {…}}</c>, reachable as
/// <c>${$strings.key}</c>. String values may themselves use <c>${…}</c> on the card's data.</item>
/// </list>
/// A string table without a card (e.g. <c>Messages.strings.json</c>) holds texts for plain messages.
/// Dutch is the fallback for a missing English text.
/// </summary>
public sealed class CardLibrary
{
    private const string Prefix = "Cards/";
    private const string StringsSuffix = ".strings.json";

    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, JsonObject> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _strings = new(StringComparer.Ordinal);

    /// <summary>Loads every card and string table embedded in this assembly.</summary>
    public CardLibrary()
        : this(typeof(CardLibrary).Assembly)
    {
    }

    /// <summary>Loads every card and string table embedded in <paramref name="assembly"/> under <c>Cards/</c>.</summary>
    public CardLibrary(Assembly assembly)
    {
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            JsonObject json;
            try
            {
                json = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                    ?? throw new CardTemplateException($"{resource} is not a JSON object.");
            }
            catch (JsonException ex)
            {
                throw new CardTemplateException($"{resource} is not valid JSON: {ex.Message}");
            }

            var name = resource[Prefix.Length..];
            if (name.EndsWith(StringsSuffix, StringComparison.Ordinal))
            {
                _strings[name[..^StringsSuffix.Length]] = json;
            }
            else if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                _templates[name[..^".json".Length]] = json;
            }
        }
    }

    /// <summary>Names of all card templates.</summary>
    public IReadOnlyCollection<string> CardNames => _templates.Keys;

    /// <summary>Names of all string tables.</summary>
    public IReadOnlyCollection<string> StringTableNames => _strings.Keys;

    /// <summary>
    /// Renders card <paramref name="name"/> in <paramref name="language"/> (<c>nl</c>/<c>en</c>) with
    /// <paramref name="data"/> (any object, serialised camelCase; or a <see cref="JsonNode"/>).
    /// </summary>
    public JsonObject Render(string name, string language, object? data = null)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new CardTemplateException($"There is no card Cards/{name}.json.");
        }

        var dataNode = ToNode(data);
        return CardTemplateBinder.Bind(template, dataNode, BoundStrings(name, language, dataNode));
    }

    /// <summary>Text <paramref name="key"/> of string table <paramref name="table"/> in <paramref name="language"/>, bound to <paramref name="data"/>.</summary>
    public string Text(string table, string key, string language, object? data = null)
    {
        var strings = BoundStrings(table, language, ToNode(data))
            ?? throw new CardTemplateException($"There is no string table Cards/{table}.strings.json.");
        return strings[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new CardTemplateException($"Cards/{table}.strings.json has no text '{key}' for '{language}'.");
    }

    /// <summary>The raw string table of <paramref name="table"/> for <paramref name="language"/>, for checks.</summary>
    public JsonObject? RawStrings(string table, string language) =>
        _strings.TryGetValue(table, out var all) ? all[Normalize(language)] as JsonObject : null;

    private JsonObject? BoundStrings(string table, string language, JsonNode? data)
    {
        if (!_strings.TryGetValue(table, out var all))
        {
            return null;
        }

        var strings = all[Normalize(language)] as JsonObject ?? all[BotLanguage.Dutch] as JsonObject;
        return strings is null ? null : CardTemplateBinder.Bind(strings, data);
    }

    private static string Normalize(string language) => language == BotLanguage.English ? BotLanguage.English : BotLanguage.Dutch;

    private static JsonNode? ToNode(object? data) => data switch
    {
        null => null,
        JsonNode node => node,
        _ => JsonSerializer.SerializeToNode(data, data.GetType(), DataOptions),
    };
}
