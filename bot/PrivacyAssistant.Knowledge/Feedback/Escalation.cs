using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Feedback;

/// <summary>A question the asker chose to send to the privacy desk.</summary>
/// <param name="Id">Database id.</param>
/// <param name="Question">The question as typed (stored with the asker's consent).</param>
/// <param name="Language">The asker's language (the desk's answer reaches them in it).</param>
/// <param name="BestEntryId">The entry the bot thought closest, if any (helps the desk improve the knowledge).</param>
/// <param name="ContactName">The asker's display name, only if they asked to be contacted.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="Status">Open until the desk answers or closes it.</param>
/// <param name="Answer">The desk's answer, once answered.</param>
/// <param name="HandledAt">When the desk answered or closed it.</param>
/// <param name="CanReply">Whether the bot can still send the desk's answer to the asker (it keeps where to reply only while the question is open).</param>
public sealed record Escalation(
    long Id,
    string Question,
    KnowledgeLanguage Language,
    string? BestEntryId,
    string? ContactName,
    DateTimeOffset CreatedAt,
    EscalationStatus Status = EscalationStatus.Open,
    string? Answer = null,
    DateTimeOffset? HandledAt = null,
    bool CanReply = false)
{
    /// <summary>What the asker and the desk quote: <c>VR-2026-0007</c>.</summary>
    public string Reference => $"VR-{CreatedAt.UtcDateTime.Year}-{Id:0000}";

    /// <summary>The database id in a reference such as <c>VR-2026-0007</c> (any case, spaces trimmed); null when it is not one.</summary>
    public static long? IdOf(string? reference)
    {
        var text = reference?.Trim();
        if (text is null || text.Length < 12 || !text.StartsWith("VR-", StringComparison.OrdinalIgnoreCase) || text[7] != '-'
            || !int.TryParse(text.AsSpan(3, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || !long.TryParse(text.AsSpan(8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return id;
    }
}
