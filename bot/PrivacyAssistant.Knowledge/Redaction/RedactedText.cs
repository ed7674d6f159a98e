using System.Text;

namespace PrivacyAssistant.Knowledge.Redaction;

/// <summary>A text with personal data replaced by placeholders such as <c>[NAAM-1]</c>.</summary>
/// <param name="Text">What may be sent to a cloud service.</param>
/// <param name="Redactions">What was replaced (kept in memory only, to restore placeholders in a reply shown to the same user).</param>
public sealed record RedactedText(string Text, IReadOnlyList<Redaction> Redactions)
{
    public int Count(PersonalDataKind kind) => Redactions.Count(r => r.Kind == kind);

    /// <summary>Puts the original values back into a reply for the user who typed them.</summary>
    public string Restore(string reply)
    {
        if (Redactions.Count == 0)
        {
            return reply;
        }

        var builder = new StringBuilder(reply);
        foreach (var redaction in Redactions.DistinctBy(r => r.Placeholder))
        {
            builder.Replace(redaction.Placeholder, redaction.Original);
        }

        return builder.ToString();
    }
}
