using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Conversations.Tests.Knowledge;

public sealed class AnswerMetadataTests
{
    public static TheoryData<string?, AnswerDecision> Cases => new()
    {
        { "verwerken", AnswerDecision.Answer },
        { "bijzondere-persoonsgegevens-zorg", AnswerDecision.Clarify },
        { null, AnswerDecision.None },
        { null, AnswerDecision.Breach },
        { "datalek", AnswerDecision.Breach },
        { "a\"b<c>&d'e+f\\g é\u2028\u0001/x y", AnswerDecision.Answer },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void With_WritesTheBytesOfTheJsonObjectItReplaces(string? entryId, AnswerDecision decision)
    {
        var expected = Reply();
        expected.ChannelData = new JsonObject { [AnswerMetadata.Property] = new JsonObject { ["entryId"] = entryId, ["decision"] = decision.ToWire() } };

        var reply = Reply().With(decision, entryId);

        Assert.Equal(JsonSerializer.Serialize(expected, BotJson.Options), JsonSerializer.Serialize(reply, BotJson.Options));
        Assert.Equal(entryId, reply.ChannelData![AnswerMetadata.Property]!["entryId"]?.GetValue<string>());
        Assert.Equal(decision.ToWire(), reply.ChannelData![AnswerMetadata.Property]!["decision"]!.GetValue<string>());
    }

    [Fact]
    public void With_OnAReplyWithChannelData_AddsTheMetadataToIt()
    {
        var reply = Reply();
        reply.ChannelData = new JsonObject { ["notification"] = new JsonObject { ["alert"] = true } };

        reply.With(AnswerDecision.Answer, "verwerken");

        Assert.Equal("""{"notification":{"alert":true},"privacyAssistant":{"entryId":"verwerken","decision":"answer"}}""", reply.ChannelData!.ToJsonString());
    }

    [Fact]
    public void WithAssistance_AfterWith_AddsHowTheAnswerWasMade()
    {
        var answer = new KnowledgeAnswer(AnswerDecision.None, KnowledgeLanguage.Dutch, null, [], 0, null, null);
        var reply = Reply().With(AnswerDecision.None, null).WithAssistance(new AssistedAnswer(answer, null, "hybrid", "timeout"));

        Assert.Equal(
            """{"privacyAssistant":{"entryId":null,"decision":"none","retrieval":"hybrid","generated":false,"fallback":"timeout"}}""",
            JsonSerializer.SerializeToNode(reply, BotJson.Options)!["channelData"]!.ToJsonString());
    }

    [Fact]
    public void WithAssistance_ForAPlainLexicalAnswer_AddsNothing()
    {
        var answer = new KnowledgeAnswer(AnswerDecision.None, KnowledgeLanguage.Dutch, null, [], 0, null, null);
        var reply = Reply().With(AnswerDecision.None, null).WithAssistance(new AssistedAnswer(answer, null, "lexical", null));

        Assert.Equal("""{"privacyAssistant":{"entryId":null,"decision":"none"}}""", reply.ChannelData!.ToJsonString());
    }

    private static Activity Reply() => new() { Type = ActivityTypes.Message, Text = "x", Locale = "nl", ReplyToId = "1" };
}
