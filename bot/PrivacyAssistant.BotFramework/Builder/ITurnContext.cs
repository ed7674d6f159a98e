using PrivacyAssistant.BotFramework.Authentication;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.BotFramework.Schema;

namespace PrivacyAssistant.BotFramework.Builder;

/// <summary>
/// One turn: the incoming activity and the ways to answer it. Replies are addressed to the
/// incoming conversation automatically. With <c>deliveryMode: expectReplies</c> they are buffered
/// and returned in the HTTP response; otherwise they go through the connector.
/// </summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Who sent it (validated token; anonymous in local mode).</summary>
    BotCallerIdentity Caller { get; }

    /// <summary>The user's language: <see cref="BotLanguage.English"/> when the locale starts with <c>en</c>, else <see cref="BotLanguage.Dutch"/>.</summary>
    string Language { get; }

    /// <summary>True when replies are returned in the HTTP response instead of sent through the connector.</summary>
    bool ExpectsReplies { get; }

    /// <summary>
    /// Sends <paramref name="activity"/> (a reply to the incoming activity). Missing addressing fields
    /// are filled from the incoming activity. Returns the connector's id when it gives one.
    /// </summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends a text message.</summary>
    Task<ResourceResponse?> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Replaces an activity the bot sent earlier (<see cref="Activity.Id"/> must be set), e.g. a card.</summary>
    Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Shows the typing indicator (skipped for expectReplies, where it means nothing).</summary>
    Task SendTypingAsync(CancellationToken cancellationToken = default);

    /// <summary>The connector client of the incoming activity's service URL, for other calls (members, proactive).</summary>
    IConnectorClient Connector { get; }

    /// <summary>The answer to an invoke activity; set by the router.</summary>
    InvokeResponse? InvokeResponse { get; set; }
}
