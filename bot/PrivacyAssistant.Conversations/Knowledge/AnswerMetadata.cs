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
        if (activity.ChannelDataText is null && activity.ChannelData is null)
        {
            // The usual reply, with no channel data of its own: the metadata is written as text, no node tree.
            activity.ChannelDataText = new AnswerMetadataJson(entryId, decision.ToWire());
            return activity;
        }

        var channelData = activity.ChannelData as JsonObject ?? new JsonObject();
        channelData[Property] = Node(entryId, decision.ToWire());
        activity.ChannelData = channelData;
        return activity;
    }

    private static JsonObject Node(string? entryId, string decision) => new() { ["entryId"] = entryId, ["decision"] = decision };

    /// <summary>
    /// Adds how the answer was made: <c>retrieval</c> (<c>lexical</c>/<c>hybrid</c>), <c>generated</c>
    /// with the cited <c>sources</c> when Azure OpenAI wrote the text, and <c>fallback</c> when it was
    /// not (fully) used. Nothing is added when the feature is off.
    /// </summary>
    public static Activity WithAssistance(this Activity activity, AssistedAnswer assisted)
    {
        if (assisted.Retrieval == "lexical" && assisted.Generated is null && assisted.Fallback is null)
        {
            return activity;
        }

        if (activity.ChannelDataText is AnswerMetadataJson metadata)
        {
            // More to say than the text holds: the node tree With made before there was a text form.
            activity.ChannelData = new JsonObject { [Property] = Node(metadata.EntryId, metadata.DecisionText) };
        }

        if (activity.ChannelData is not JsonObject channelData || channelData[Property] is not JsonObject data)
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
