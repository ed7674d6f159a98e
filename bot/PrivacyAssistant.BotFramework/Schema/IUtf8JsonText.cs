namespace PrivacyAssistant.BotFramework.Schema;

/// <summary>
/// JSON text (UTF-8, one value, as System.Text.Json writes it with the default encoder) put together when
/// it is written, e.g. a card rendered once with holes and a reply's strings for them: the reply then
/// carries no copy of the whole card, which is written straight into the response from pooled memory.
/// </summary>
public interface IUtf8JsonText
{
    /// <summary>The text's length in bytes.</summary>
    int Length { get; }

    /// <summary>Writes the text into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    void CopyTo(Span<byte> destination);
}
