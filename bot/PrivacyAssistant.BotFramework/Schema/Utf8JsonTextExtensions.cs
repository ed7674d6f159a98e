namespace PrivacyAssistant.BotFramework.Schema;

public static class Utf8JsonTextExtensions
{
    /// <summary>The whole text in one array, for a reader that needs it at once (a card read back in-process, a test).</summary>
    public static byte[] ToArray(this IUtf8JsonText text)
    {
        var json = new byte[text.Length];
        text.CopyTo(json);
        return json;
    }
}
