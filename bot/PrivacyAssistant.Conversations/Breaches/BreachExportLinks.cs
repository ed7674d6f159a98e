using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Conversations.Breaches;

/// <summary>
/// Short-lived links to <c>/breaches/export.csv</c> for one officer. A Teams bot cannot simply
/// drop a file into a personal chat (that needs the file-consent flow and OneDrive), so the officer
/// gets a link from the bot instead; the endpoint checks the token, the expiry and that the holder
/// is still an officer. The token is sealed with AES-GCM (authenticated encryption), so whoever sees
/// the link learns nothing from it (no Entra object id in URLs, browser history or proxy logs).
/// </summary>
public sealed class BreachExportLinks
{
    public const string Path = "/breaches/export.csv";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] AssociatedData = "privacy-assistant/breach-export/v1"u8.ToArray();
    private readonly BreachExportOptions options;
    private readonly TimeProvider timeProvider;
    private readonly IHttpContextAccessor http;
    private readonly byte[] key;

    public BreachExportLinks(IOptions<BreachExportOptions> options, TimeProvider timeProvider, IHttpContextAccessor http)
    {
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.http = http;
        // AES-256 needs exactly 32 bytes; a longer configured key is condensed with SHA-256.
        key = string.IsNullOrWhiteSpace(this.options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Convert.FromBase64String(this.options.SigningKey));
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
        return baseUrl.TrimEnd('/') + Path + "?token=" + Seal(payload);
    }

    /// <summary>The officer id and language of a valid, unexpired token; null otherwise.</summary>
    public (string OfficerId, string Language)? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            if (Open(token) is not { } payload)
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

    private string Seal(string payload)
    {
        var plain = Encoding.UTF8.GetBytes(payload);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), AssociatedData);
        return WebEncoders.Base64UrlEncode(sealedBytes);
    }

    private string? Open(string token)
    {
        var sealedBytes = WebEncoders.Base64UrlDecode(token);
        if (sealedBytes.Length <= NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, AssociatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }
}
