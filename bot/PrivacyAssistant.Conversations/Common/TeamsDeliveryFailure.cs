using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Common;

/// <summary>
/// How a Teams channel's failed send ends in the outbox, the same for the desk's answers and the
/// officers' alerts: labelled <c>&lt;channel&gt;-&lt;status&gt;-&lt;error code&gt;</c> (status codes
/// and Teams' error codes only, never content), given up at once when Teams refuses for good
/// (<see cref="ConnectorException.IsPermanent"/>: bot blocked or removed, conversation or user
/// unknown, where seven days of retries would reach nobody) and retried otherwise.
/// </summary>
internal static class TeamsDeliveryFailure
{
    public static DeliveryOutcome Of(string channel, ConnectorException error)
    {
        var label = $"{channel}-{(int)error.StatusCode}-{error.ErrorCode ?? "error"}";
        return error.IsPermanent ? DeliveryOutcome.GiveUp(label) : DeliveryOutcome.Retry(label);
    }

    /// <summary>No answer from Teams at all (connection refused, DNS, TLS): always worth a retry.</summary>
    public static DeliveryOutcome Of(string channel, HttpRequestException error) =>
        DeliveryOutcome.Retry($"{channel}-http-{error.HttpRequestError}");
}
