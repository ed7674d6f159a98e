using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PrivacyAssistant.Testing.Identity;

/// <summary>
/// Everything that goes into a test JWT; change one field with <c>with</c> to forge a bad token
/// (other key, audience, issuer, lifetime, claims).
/// </summary>
public sealed record TestToken(
    string Issuer,
    string Audience,
    DateTimeOffset NotBefore,
    DateTimeOffset Expires,
    IReadOnlyDictionary<string, object> Claims,
    TestSigningKey SigningKey,
    string Algorithm = SecurityAlgorithms.RsaSha256)
{
    /// <summary>A copy with one claim set (or removed when <paramref name="value"/> is null).</summary>
    public TestToken WithClaim(string name, object? value)
    {
        var claims = new Dictionary<string, object>(Claims);
        if (value is null)
        {
            claims.Remove(name);
        }
        else
        {
            claims[name] = value;
        }

        return this with { Claims = claims };
    }

    /// <summary>The signed compact JWT.</summary>
    public string Sign()
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = NotBefore.UtcDateTime,
            Expires = Expires.UtcDateTime,
            IssuedAt = NotBefore.UtcDateTime,
            Claims = new Dictionary<string, object>(Claims),
            SigningCredentials = new SigningCredentials(SigningKey.SecurityKey, Algorithm),
        });
    }
}
