using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Connector;
using PrivacyAssistant.BotFramework.Schema;
using PrivacyAssistant.Conversations.Common;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// Proactive Teams messages to officers: connector <c>create conversation</c> (1:1 with the bot;
/// Teams returns the existing chat when there is one) and then <c>send</c> the card. One outbox row
/// per recipient, so a retry never repeats a message another recipient already got.
/// </summary>
public sealed class TeamsProactiveChannel(
    IConnectorClientFactory connectors,
    IOptions<NotificationsOptions> notifications,
    IOptions<BotOptions> bot) : INotificationChannel
{
    public const string ChannelName = "teams";

    public string Name => ChannelName;

    public bool IsEnabled => notifications.Value.Teams.Enabled;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var teams = notifications.Value.Teams;
        var tenantId = string.IsNullOrWhiteSpace(teams.TenantId) ? bot.Value.TenantId : teams.TenantId;
        if (string.IsNullOrWhiteSpace(teams.ServiceUrl) || string.IsNullOrWhiteSpace(tenantId))
        {
            return DeliveryOutcome.Retry("teams-not-configured");
        }

        var payload = TeamsNotificationPayload.FromPayload(delivery.Payload);
        var connector = connectors.Create(teams.ServiceUrl);
        try
        {
            var conversation = await connector.CreateConversationAsync(
                new ConversationParameters
                {
                    IsGroup = false,
                    Bot = new ChannelAccount { Id = "28:" + bot.Value.AppId },
                    Members = [new ChannelAccount { Id = payload.Recipient, AadObjectId = payload.Recipient }],
                    TenantId = tenantId,
                    ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
                },
                cancellationToken);
            if (string.IsNullOrEmpty(conversation.Id))
            {
                return DeliveryOutcome.Retry("teams-no-conversation");
            }

            var message = MessageFactory.Card(payload.Card, payload.Summary);
            await connector.SendToConversationAsync(conversation.Id, message, cancellationToken);
            return DeliveryOutcome.Success("teams-sent");
        }
        catch (ConnectorException error)
        {
            // A permanent refusal (the officer blocked or removed the bot, or is unknown to Teams) is
            // given up at once: seven days of retries would not reach them. The row is abandoned (logged
            // as an error) now; the desk's mail row, when mail is on, is a separate row and is not affected.
            return TeamsDeliveryFailure.Of(ChannelName, error);
        }
        catch (HttpRequestException error)
        {
            return TeamsDeliveryFailure.Of(ChannelName, error);
        }
    }
}
