using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// Short-lived links to <c>/breaches/export.csv</c>, signed for one officer. A Teams bot cannot
/// simply drop a file into a personal chat (that needs the file-consent flow and OneDrive), so
/// the officer gets a link from the bot instead; the endpoint checks the signature, the expiry
/// and that the holder is still an officer.
/// </summary>
public sealed class BreachExportLinks
{
    public const string Path = "/breaches/export.csv";
    private readonly BreachExportOptions options;
    private readonly TimeProvider timeProvider;
    private readonly IHttpContextAccessor http;
    private readonly byte[] key;

    public BreachExportLinks(IOptions<BreachExportOptions> options, TimeProvider timeProvider, IHttpContextAccessor http)
    {
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.http = http;
        key = string.IsNullOrWhiteSpace(this.options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(this.options.SigningKey);
    }

    public TimeSpan Lifetime => options.LinkLifetime;

    /// <summary>The link for <paramref name="officerId"/>, or null when no base URL is known.</summary>
    public string? Create(string officerId, string language)
    {
        var baseUrl = !string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? options.PublicBaseUrl : (http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : null);
        if (baseUrl is null)
        {
            return null;
        }

        var expires = (timeProvider.GetUtcNow() + options.LinkLifetime).ToUnixTimeSeconds();
        var payload = string.Join('\n', officerId, language, expires.ToString(CultureInfo.InvariantCulture));
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload)) + "." + WebEncoders.Base64UrlEncode(Sign(payload));
        return baseUrl.TrimEnd('/') + Path + "?token=" + token;
    }

    /// <summary>The officer id and language of a valid, unexpired token; null otherwise.</summary>
    public (string OfficerId, string Language)? Validate(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 2 })
        {
            return null;
        }

        try
        {
            var payload = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[0]));
            if (!CryptographicOperations.FixedTimeEquals(Sign(payload), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null;
            }

            var fields = payload.Split('\n');
            if (fields.Length != 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || DateTimeOffset.FromUnixTimeSeconds(expires) < timeProvider.GetUtcNow())
            {
                return null;
            }

            return (fields[0], fields[1]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));
}
