using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.Conversations.Common;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// Proactive messages into a conversation the bot already has with someone (connector <c>send to
/// conversation</c> at the conversation's own service URL): the desk's answer to a forwarded
/// question. Always on: it needs only the bot's own credentials, which answer every turn anyway.
/// </summary>
public sealed class TeamsReplyChannel(IConnectorClientFactory connectors) : INotificationChannel
{
    public const string ChannelName = "teams-reply";

    public string Name => ChannelName;

    public bool IsEnabled => true;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var payload = TeamsReplyPayload.FromPayload(delivery.Payload);
        var connector = connectors.Create(payload.Address.ServiceUrl);
        var message = MessageFactory.Card(payload.Card, payload.Summary);
        message.Locale = payload.Locale;
        try
        {
            await connector.SendToConversationAsync(payload.Address.ConversationId, message, cancellationToken);
            return DeliveryOutcome.Success("teams-reply-sent");
        }
        catch (ConnectorException error)
        {
            // A permanent refusal (the user blocked or removed the bot, the conversation is gone) is
            // given up at once, so the desk learns now instead of after the outbox's retry window.
            return TeamsDeliveryFailure.Of(ChannelName, error);
        }
        catch (HttpRequestException error)
        {
            return TeamsDeliveryFailure.Of(ChannelName, error);
        }
    }
}
