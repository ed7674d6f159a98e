using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PrivacyAssistant.Testing.Identity;

/// <summary>An RSA signing key with a key id, and optionally the channels it is endorsed for (Bot Framework keys).</summary>
public sealed class TestSigningKey
{
    private readonly RSA? _rsa;

    private TestSigningKey(SecurityKey key, RSA? rsa, IReadOnlyList<string>? endorsements)
    {
        _rsa = rsa;
        KeyId = key.KeyId;
        Endorsements = endorsements;
        SecurityKey = key;
    }

    /// <summary>The <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>Channels in the key's <c>endorsements</c>; null = the property is left out.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The private key, for signing.</summary>
    public SecurityKey SecurityKey { get; }

    /// <summary>A new 2048-bit key.</summary>
    public static TestSigningKey Create(IReadOnlyList<string>? endorsements = null)
    {
        var rsa = RSA.Create(2048);
        return new(new RsaSecurityKey(rsa) { KeyId = NewKeyId() }, rsa, endorsements);
    }

    /// <summary>A symmetric (HMAC) key, which a bot must never accept; it cannot be published.</summary>
    public static TestSigningKey CreateSymmetric() =>
        new(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = NewKeyId() }, null, null);

    private static string NewKeyId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The public key as a JWKS entry (<c>kty, use, kid, n, e</c>, and <c>endorsements</c> if any).</summary>
    public JsonObject ToJwk()
    {
        var parameters = (_rsa ?? throw new InvalidOperationException("Only RSA keys can be published.")).ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        }

        return jwk;
    }
}
