using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Cards;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// The fresh breach form (no values, problems or kind) bound once, with holes for what differs per turn: the
/// submission id, today's date (also the proposed discovery date), the time, and the "reporting as" text. That text
/// interpolates the escaped reporter's name, which a <see cref="PreboundCard"/> hole cannot take: the form is bound
/// with <see cref="NameSentinel"/> as the name, which <c>escapeMarkdown</c> leaves as it is, and the text around it
/// is kept, so per turn the text is that prefix, <see cref="MarkdownText.Escape"/> of the name, and that suffix —
/// what the template's interpolation gives.
/// </summary>
public sealed class PreboundBreachForm
{
    public static readonly string SubmissionIdMarker = PreboundCard.Marker(0);
    public static readonly string DateMarker = PreboundCard.Marker(1);
    public static readonly string TimeMarker = PreboundCard.Marker(2);
    private static readonly string NameTextMarker = PreboundCard.Marker(3);

    /// <summary>Control characters around letters: no Markdown mark, no line start <c>escapeMarkdown</c> changes.</summary>
    public const string NameSentinel = "\u0001PreboundBreachFormName\u0001";

    private readonly PreboundCard _card;
    private readonly string _beforeName;
    private readonly string _afterName;

    private PreboundBreachForm(PreboundCard card, string beforeName, string afterName, string? summary)
    {
        _card = card;
        _beforeName = beforeName;
        _afterName = afterName;
        Summary = summary;
    }

    /// <summary>The card's spoken summary (its <c>speak</c>), as the typed commands send it.</summary>
    public string? Summary { get; }

    /// <summary>
    /// Cuts <paramref name="bound"/> (the form bound with the markers, and <see cref="NameSentinel"/> as the name
    /// or none) at the markers; null when a marker or the name is anywhere but in a whole string value, or the name
    /// shows up in texts that differ around it.
    /// </summary>
    public static PreboundBreachForm? TryCreate(JsonObject bound)
    {
        if (MarkdownText.Escape(NameSentinel) != NameSentinel)
        {
            return null;
        }

        var summary = bound["speak"]?.ToString();
        string? nameText = null;
        var consistent = true;
        ReplaceNameTexts(bound, ref nameText, ref consistent);
        if (!consistent || summary?.Contains(NameSentinel, StringComparison.Ordinal) == true)
        {
            return null;
        }

        var card = PreboundCard.TryCreate(bound, 4);
        if (card is null)
        {
            return null;
        }

        var at = nameText?.IndexOf(NameSentinel, StringComparison.Ordinal) ?? -1;
        return at < 0
            ? new PreboundBreachForm(card, string.Empty, string.Empty, summary)
            : new PreboundBreachForm(card, nameText![..at], nameText[(at + NameSentinel.Length)..], summary);
    }

    /// <summary>The form with this turn's values, put together when the reply is written.</summary>
    public IUtf8JsonText With(string submissionId, string date, string time, string? reporterName) =>
        _card.With(submissionId, date, time, string.IsNullOrWhiteSpace(reporterName) ? string.Empty : _beforeName + MarkdownText.Escape(reporterName) + _afterName);

    /// <summary>Replaces every string value holding the name by the name text's marker; all such texts must be the same.</summary>
    private static void ReplaceNameTexts(JsonNode? node, ref string? nameText, ref bool consistent)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsNameText(obj[name], ref nameText, ref consistent))
                    {
                        obj[name] = NameTextMarker;
                    }
                    else
                    {
                        ReplaceNameTexts(obj[name], ref nameText, ref consistent);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsNameText(array[i], ref nameText, ref consistent))
                    {
                        array[i] = NameTextMarker;
                    }
                    else
                    {
                        ReplaceNameTexts(array[i], ref nameText, ref consistent);
                    }
                }

                break;
        }
    }

    private static bool IsNameText(JsonNode? node, ref string? nameText, ref bool consistent)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !value.GetValue<string>().Contains(NameSentinel, StringComparison.Ordinal))
        {
            return false;
        }

        var text = value.GetValue<string>();
        consistent &= (nameText ??= text) == text && text.IndexOf(NameSentinel, StringComparison.Ordinal) == text.LastIndexOf(NameSentinel, StringComparison.Ordinal);
        return true;
    }
}
