using Azure.Core;
using Azure.Identity;

namespace PrivacyAssistant.Notifications.Mail;

/// <summary>App-only credentials for Microsoft Graph from the <c>Notifications:Mail:Credential</c> options.</summary>
public static class GraphCredentials
{
    public static TokenCredential Create(GraphCredentialOptions options) => options.Kind switch
    {
        GraphCredentialKind.ClientSecret => new ClientSecretCredential(
            options.TenantId, options.ClientId, options.ClientSecret, WithAuthority(new ClientSecretCredentialOptions(), options)),
        GraphCredentialKind.ClientCertificate => new ClientCertificateCredential(
            options.TenantId,
            options.ClientId,
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword),
            WithAuthority(new ClientCertificateCredentialOptions(), options)),
        GraphCredentialKind.ManagedIdentity => string.IsNullOrWhiteSpace(options.ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
        _ => throw new InvalidOperationException($"Unknown Graph credential kind {options.Kind}."),
    };

    /// <summary>What is missing for the configured kind, or null when complete.</summary>
    public static string? Problem(GraphCredentialOptions options) => options.Kind switch
    {
        GraphCredentialKind.ClientSecret when string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret)
            => "Notifications:Mail:Credential needs TenantId, ClientId and ClientSecret.",
        GraphCredentialKind.ClientCertificate when string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.CertificatePath)
            => "Notifications:Mail:Credential needs TenantId, ClientId and CertificatePath.",
        _ => null,
    };

    private static T WithAuthority<T>(T credentialOptions, GraphCredentialOptions options)
        where T : TokenCredentialOptions
    {
        if (options.AuthorityHost is not null)
        {
            credentialOptions.AuthorityHost = options.AuthorityHost;
        }

        return credentialOptions;
    }
}
