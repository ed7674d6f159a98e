using System.Security.Cryptography;
using System.Text;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>Who is acting, from the activity: the Entra object id when Teams sends one, else the channel user id.</summary>
public static class BreachCaller
{
    public static string Id(ITurnContext turn) =>
        turn.Activity.From?.AadObjectId is { Length: > 0 } aad ? aad : turn.Activity.From?.Id ?? string.Empty;

    public static string Name(ITurnContext turn) => turn.Activity.From?.Name?.Trim() ?? string.Empty;

    public static Reporter Reporter(ITurnContext turn) => new(Id(turn), Name(turn));

    public static Officer Officer(ITurnContext turn) => new(Id(turn), Name(turn));

    /// <summary>
    /// The key that makes a submission idempotent: the form's <c>submissionId</c> (generated when the
    /// card was rendered) scoped to the caller, or, for a card without one, the card's activity in
    /// its conversation. Hashed so the key column holds no identifiers.
    /// </summary>
    public static string IdempotencyKey(ITurnContext turn, CardAction action)
    {
        var submission = action.GetString("submissionId");
        var basis = submission is { Length: <= 100 }
            ? $"form|{Id(turn)}|{submission}"
            : $"card|{Id(turn)}|{turn.Activity.Conversation?.Id}|{action.CardActivityId ?? turn.Activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }
}
