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
}
