using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using PrivacyAssistant.Storage;

namespace PrivacyAssistant.Notifications.Outbox;

internal sealed class NotificationOutbox(IEnumerable<INotificationChannel> channels, TimeProvider timeProvider) : INotificationOutbox
{
    private readonly Channel<bool> nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<bool> Nudges => nudges.Reader;

    public bool HasChannel(string channel) => channels.Any(candidate => candidate.Name == channel && candidate.IsEnabled);

    public async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, OutboxMessage message, CancellationToken cancellationToken = default)
    {
        var now = StorageTime.ToUnixMs(timeProvider.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notification_outbox (channel, type, correlation, payload, status, attempts, created_at, next_attempt_at)
            VALUES (@Channel, @Type, @Correlation, @Payload, 'pending', 0, @now, @now)
            """,
            new { message.Channel, message.Type, message.Correlation, message.Payload, now },
            transaction,
            cancellationToken: cancellationToken));
    }

    public void Nudge() => nudges.Writer.TryWrite(true);
}
