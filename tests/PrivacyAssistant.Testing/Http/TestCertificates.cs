using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PrivacyAssistant.Testing.Http;

/// <summary>Self-signed certificates for HTTPS fakes, and client handlers that trust exactly them.</summary>
public static class TestCertificates
{
    /// <summary>A new self-signed server certificate for 127.0.0.1 and localhost, valid for a day.</summary>
    public static X509Certificate2 CreateLoopbackServerCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Kestrel needs the private key in a form the platform can use; a PFX round-trip gives that.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A handler that accepts <paramref name="certificate"/> as the server certificate (and nothing else untrusted).</summary>
    public static SocketsHttpHandler CreateTrustingHandler(X509Certificate2 certificate) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                errors == SslPolicyErrors.None
                || (presented is not null && presented.GetCertHashString() == certificate.GetCertHashString()),
        },
    };
}
