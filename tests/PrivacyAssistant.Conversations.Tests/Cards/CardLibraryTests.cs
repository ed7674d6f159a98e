using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Tests.Cards;

public sealed class CardLibraryTests
{
    private static readonly CardLibrary Library = new();

    public static TheoryData<string> StringTables()
    {
        var data = new TheoryData<string>();
        foreach (var name in Library.StringTableNames.Order())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StringTables))]
    public void StringTable_HasTheSameKeysInDutchAndEnglish(string table)
    {
        var dutch = Library.RawStrings(table, BotLanguage.Dutch);
        var english = Library.RawStrings(table, BotLanguage.English);

        Assert.NotNull(dutch);
        Assert.NotNull(english);
        Assert.Equal(Shape(dutch), Shape(english));
    }

    [Fact]
    public void Render_UsesTheRequestedLanguage()
    {
        var dutch = Library.Render("Help", BotLanguage.Dutch);
        var english = Library.Render("Help", BotLanguage.English);

        Assert.Equal("Wat kan de Privacy-assistent?", dutch["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("What can the Privacy Assistant do?", english["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_OfAnUnknownCard_Fails() =>
        Assert.Throws<CardTemplateException>(() => Library.Render("NoSuchCard", BotLanguage.Dutch));

    [Fact]
    public void Text_ReadsAStringTable() =>
        Assert.Contains("help", Library.Text("Messages", "notUnderstood", BotLanguage.Dutch), StringComparison.Ordinal);

    private static IEnumerable<string> Shape(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    foreach (var line in Shape(value, $"{path}.{key}"))
                    {
                        yield return line;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var line in Shape(array[i], $"{path}[{i}]"))
                    {
                        yield return line;
                    }
                }

                break;
            default:
                yield return path;
                break;
        }
    }
}
