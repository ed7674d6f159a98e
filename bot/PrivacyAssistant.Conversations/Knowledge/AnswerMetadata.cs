using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Knowledge.Answering;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary>
/// Marks a reply with the entry that answered and the decision, in
/// <c>channelData.privacyAssistant</c> (docs/architecture.md), so tools and tests can check it.
/// Teams ignores channelData fields it does not know.
/// </summary>
public static class AnswerMetadata
{
    public const string Property = "privacyAssistant";

    public static Activity With(this Activity activity, AnswerDecision decision, string? entryId)
    {
        var channelData = activity.ChannelData as JsonObject ?? new JsonObject();
        channelData[Property] = new JsonObject { ["entryId"] = entryId, ["decision"] = decision.ToWire() };
        activity.ChannelData = channelData;
        return activity;
    }

    /// <summary>
    /// Adds how the answer was made: <c>retrieval</c> (<c>lexical</c>/<c>hybrid</c>), <c>generated</c>
    /// with the cited <c>sources</c> when Azure OpenAI wrote the text, and <c>fallback</c> when it was
    /// not (fully) used. Nothing is added when the feature is off.
    /// </summary>
    public static Activity WithAssistance(this Activity activity, AssistedAnswer assisted)
    {
        if (activity.ChannelData is not JsonObject channelData || channelData[Property] is not JsonObject data
            || (assisted.Retrieval == "lexical" && assisted.Generated is null && assisted.Fallback is null))
        {
            return activity;
        }

        data["retrieval"] = assisted.Retrieval;
        data["generated"] = assisted.Generated is not null;
        if (assisted.Generated is { } generated)
        {
            data["sources"] = new JsonArray(generated.Sources.Select(s => (JsonNode)JsonValue.Create(s.Id)).ToArray());
        }

        if (assisted.Fallback is { } fallback)
        {
            data["fallback"] = fallback;
        }

        return activity;
    }
}
