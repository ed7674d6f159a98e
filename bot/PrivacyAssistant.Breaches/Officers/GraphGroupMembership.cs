using System.Collections.Concurrent;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.CheckMemberGroups;
using PrivacyAssistant.Notifications;
using PrivacyAssistant.Notifications.Mail;

namespace PrivacyAssistant.Breaches.Officers;

/// <summary>
/// Officer group membership through Microsoft Graph <c>POST users/{id}/checkMemberGroups</c>
/// (transitive; app permission GroupMember.Read.All), with the Graph credential of the mail
/// channel. Answers are cached for five minutes; a Graph failure means "not an officer" (fail closed).
/// </summary>
public sealed partial class GraphGroupMembership : IGroupMembership, IDisposable
{
    private static readonly TimeSpan CacheTime = TimeSpan.FromMinutes(5);
    private readonly Lazy<GraphServiceClient> client;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<(string User, string Group), (bool Member, DateTimeOffset Until)> cache = new();

    public GraphGroupMembership(
        IOptions<NotificationsOptions> options,
        Func<TokenCredential> credential,
        TimeProvider timeProvider,
        ILogger<GraphGroupMembership>? logger = null)
    {
        this.logger = logger ?? NullLogger<GraphGroupMembership>.Instance;
        client = new Lazy<GraphServiceClient>(() => GraphMailChannel.CreateClient(options.Value.Mail.GraphBaseUrl, credential()));
        this.timeProvider = timeProvider;
    }

    public async Task<bool> IsMemberAsync(string userObjectId, string groupId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (cache.TryGetValue((userObjectId, groupId), out var cached) && cached.Until > now)
        {
            return cached.Member;
        }

        bool member;
        try
        {
            var response = await client.Value.Users[userObjectId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
                new CheckMemberGroupsPostRequestBody { GroupIds = [groupId] }, cancellationToken: cancellationToken);
            member = response?.Value?.Contains(groupId, StringComparer.OrdinalIgnoreCase) == true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not only Graph's answers (ApiException): an unreachable Graph (HttpRequestException, an
            // HttpClient timeout) or a failed token request fail closed too. Everyone asks this (help,
            // own reports), so an outage must not turn into an error for them. Not cached: the next
            // question asks Graph again. Logged (the error's type only, no user or group id) so an
            // admin can see why officers lost the register during an outage.
            LogCheckFailed(logger, exception.GetType().Name);
            return false;
        }

        cache[(userObjectId, groupId)] = (member, now + CacheTime);
        return member;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Officer group check through Graph failed ({ErrorType}); the user is treated as not an officer until Graph answers")]
    private static partial void LogCheckFailed(ILogger logger, string errorType);

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }
}
