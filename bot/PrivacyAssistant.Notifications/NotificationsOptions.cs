using System.ComponentModel.DataAnnotations;

namespace PrivacyAssistant.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    public OutboxOptions Outbox { get; set; } = new();

    public GraphMailOptions Mail { get; set; } = new();

    public TeamsNotificationOptions Teams { get; set; } = new();

    /// <summary>Delivered (or abandoned) outbox rows are deleted after this long.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(30);
}

public sealed class OutboxOptions
{
    /// <summary>Runs the background dispatcher (tests may switch it off and dispatch by hand).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay after the first failure; doubles per attempt (with jitter) up to <see cref="MaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message is reserved for one instance; a crashed instance's claim expires after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Upper bound for one delivery attempt (kept below <see cref="Lease"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>A message still undelivered after this long is marked abandoned and logged as an error.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);

    [Range(1, 100)]
    public int BatchSize { get; set; } = 10;
}

/// <summary>E-mail through Microsoft Graph <c>users/{Mailbox}/sendMail</c> with app-only auth.</summary>
public sealed class GraphMailOptions
{
    public bool Enabled { get; set; }

    /// <summary>The sending mailbox (UPN or object id) the app may send as (Mail.Send application permission, scoped by an application access policy).</summary>
    public string? Mailbox { get; set; }

    /// <summary>Privacy desk addresses that receive the notifications.</summary>
    public List<string> To { get; set; } = [];

    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public GraphCredentialOptions Credential { get; set; } = new();
}

public enum GraphCredentialKind
{
    ClientSecret,
    ClientCertificate,
    ManagedIdentity,
}

public sealed class GraphCredentialOptions
{
    public GraphCredentialKind Kind { get; set; } = GraphCredentialKind.ClientSecret;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>PFX/PEM file with the private key, for <see cref="GraphCredentialKind.ClientCertificate"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Entra authority host; default the public cloud.</summary>
    public Uri? AuthorityHost { get; set; }
}

/// <summary>Proactive Teams messages; the channel itself lives in the Conversations layer.</summary>
public sealed class TeamsNotificationOptions
{
    public bool Enabled { get; set; }

    /// <summary>Entra object ids of the people to message; empty = the configured breach officers.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The Bot Connector service URL of the tenant's region, e.g. <c>https://smba.trafficmanager.net/emea/</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The school's Entra tenant id; default <c>Bot:TenantId</c>.</summary>
    public string? TenantId { get; set; }
}
