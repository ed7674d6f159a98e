using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Hosting;

namespace PrivacyAssistant.BotFramework.Hosting;

/// <summary>Checks the <c>Bot</c> section at start-up, with messages that say what to fix.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var errors = new List<string>();
        var hasSecret = !string.IsNullOrEmpty(options.ClientSecret);
        var hasCertificate = !string.IsNullOrEmpty(options.CertificatePath);

        if (options.MaxRequestBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add("Bot:MaxRequestBodyBytes must be between 1 KB and 64 MB.");
        }

        CheckMetadataUrl(options.OpenIdMetadataUrl, "Bot:OpenIdMetadataUrl", errors);
        CheckMetadataUrl(options.EntraOpenIdMetadataUrl, "Bot:EntraOpenIdMetadataUrl", errors);

        if (options.OAuthAuthority is { } authority
            && (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUri) || authorityUri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add("Bot:OAuthAuthority must be an absolute https URL.");
        }

        var retry = options.ConnectorRetry;
        if (retry.MaxRetries is < 0 or > 10 || retry.BaseDelay <= TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay)
        {
            errors.Add("Bot:ConnectorRetry needs MaxRetries 0–10, a positive BaseDelay and MaxDelay ≥ BaseDelay.");
        }

        if (options.IsLocalMode)
        {
            if (hasSecret || hasCertificate || !string.IsNullOrEmpty(options.TenantId))
            {
                errors.Add("Bot:AppId is empty (local mode) but a tenant, secret or certificate is configured; set Bot:AppId or remove them.");
            }

            return Result(errors);
        }

        if (!Guid.TryParse(options.AppId, out _))
        {
            errors.Add("Bot:AppId must be the Microsoft App ID (a GUID) of the Azure Bot registration.");
        }

        if (options.AuthType is BotAuthType.SingleTenant or BotAuthType.UserAssignedMSI && string.IsNullOrWhiteSpace(options.TenantId))
        {
            errors.Add($"Bot:TenantId is required for {options.AuthType}.");
        }

        switch (options.AuthType)
        {
            case BotAuthType.MultiTenant or BotAuthType.SingleTenant when hasSecret == hasCertificate:
                errors.Add($"{options.AuthType} needs exactly one credential: Bot:ClientSecret or Bot:CertificatePath.");
                break;
            case BotAuthType.MultiTenant or BotAuthType.SingleTenant when hasCertificate:
                if (!File.Exists(options.CertificatePath))
                {
                    errors.Add("Bot:CertificatePath does not name an existing file.");
                }

                if (!string.IsNullOrEmpty(options.CertificateKeyPath) && !File.Exists(options.CertificateKeyPath))
                {
                    errors.Add("Bot:CertificateKeyPath does not name an existing file.");
                }

                break;
            case BotAuthType.UserAssignedMSI when hasSecret || hasCertificate:
                errors.Add("UserAssignedMSI uses the managed identity; remove Bot:ClientSecret and Bot:CertificatePath.");
                break;
        }

        return Result(errors);
    }

    private static void CheckMetadataUrl(string url, string key, List<string> errors)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && LoopbackAddress.IsLoopbackUrl(url))))
        {
            errors.Add($"{key} must be an absolute https URL (http only on loopback).");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
