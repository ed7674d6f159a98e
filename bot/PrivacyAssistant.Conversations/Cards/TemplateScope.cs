using System.Text.Json.Nodes;

namespace PrivacyAssistant.Conversations.Cards;

/// <summary>What names resolve to while binding: the current <c>$data</c>, <c>$root</c>, <c>$index</c> and <c>$strings</c>.</summary>
internal sealed record TemplateScope(JsonNode? Data, JsonNode? Root, JsonObject? Strings, int? Index)
{
    public TemplateScope WithData(JsonNode? data, int? index) => this with { Data = data, Index = index };
}
