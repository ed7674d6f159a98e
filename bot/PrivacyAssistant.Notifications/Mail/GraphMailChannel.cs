using System.Net;
using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Authentication.Azure;
using PrivacyAssistant.Notifications.Outbox;

namespace PrivacyAssistant.Notifications.Mail;

/// <summary>
/// Sends outbox mail with the Microsoft Graph SDK: <c>POST users/{mailbox}/sendMail</c>, app-only.
/// The SDK's own retry handler absorbs short 429/503 bursts; what it gives up on is rescheduled by
/// the outbox with backoff, honouring Retry-After.
/// </summary>
public sealed class GraphMailChannel : INotificationChannel, IDisposable
{
    public const string ChannelName = "mail";
    public const string CredentialKey = "Notifications:Mail";
    public const string NotificationHeader = "X-PrivacyAssistant-Notification";
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    private readonly Lazy<GraphServiceClient> client;
    private readonly GraphMailOptions options;

    public GraphMailChannel(IOptions<NotificationsOptions> options, Func<TokenCredential> credential)
    {
        this.options = options.Value.Mail;
        client = new Lazy<GraphServiceClient>(() => CreateClient(this.options.GraphBaseUrl, credential()));
    }

    public string Name => ChannelName;

    public bool IsEnabled => options.Enabled;

    /// <summary>A Graph client that sends tokens only to the configured Graph host (Kiota refuses others, and plain http except on loopback).</summary>
    public static GraphServiceClient CreateClient(string graphBaseUrl, TokenCredential credential)
    {
        var baseUrl = graphBaseUrl.TrimEnd('/');
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [new Uri(baseUrl).Host], observabilityOptions: null, isCaeEnabled: false, scopes: Scopes);
        return new GraphServiceClient(authentication, baseUrl);
    }

    public async Task<DeliveryOutcome> DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var content = MailContent.FromPayload(delivery.Payload);
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = content.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = content.HtmlBody },
                ToRecipients = options.To.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } }).ToList(),
                Importance = Importance.High,
                InternetMessageHeaders =
                [
                    // Lets the desk (and a mail rule) recognise a rare duplicate after a crash.
                    new InternetMessageHeader { Name = NotificationHeader, Value = delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ],
            },
            SaveToSentItems = true,
        };

        try
        {
            await client.Value.Users[options.Mailbox].SendMail.PostAsync(body, cancellationToken: cancellationToken);
            return DeliveryOutcome.Success("graph-202");
        }
        catch (ODataError error)
        {
            return DeliveryOutcome.Retry($"graph-{error.ResponseStatusCode}-{Safe(error.Error?.Code)}", RetryAfter(error));
        }
        catch (ApiException error)
        {
            return DeliveryOutcome.Retry($"graph-{error.ResponseStatusCode}", RetryAfter(error));
        }
        catch (AggregateException error)
        {
            // Kiota's retry handler gives up this way after its own retries (429/503/504).
            var inner = error.Flatten().InnerExceptions.OfType<ApiException>().LastOrDefault();
            return inner is null
                ? DeliveryOutcome.Retry("graph-retries-exhausted")
                : DeliveryOutcome.Retry($"graph-{inner.ResponseStatusCode}-retries-exhausted", RetryAfter(inner));
        }
        catch (HttpRequestException error)
        {
            return DeliveryOutcome.Retry($"http-{(int?)error.StatusCode ?? 0}-{error.HttpRequestError}");
        }
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }

    private static TimeSpan? RetryAfter(ApiException error)
    {
        if (error.ResponseHeaders is null)
        {
            return null;
        }

        var header = error.ResponseHeaders.FirstOrDefault(pair => string.Equals(pair.Key, "Retry-After", StringComparison.OrdinalIgnoreCase));
        var value = header.Value?.FirstOrDefault();
        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    // Graph error codes are identifiers (e.g. ErrorMailboxNotFound); anything else is dropped from logs.
    private static string Safe(string? code) =>
        code is { Length: > 0 and <= 80 } && code.All(char.IsAsciiLetterOrDigit) ? code : "error";

    internal static bool IsLoopback(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
