using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>The JSON settings of the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class BotJson
{
    /// <summary>Options for reading and writing activities and connector payloads.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Channels send numbers where we expect numbers; a string in a typed field is a malformed request.
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
