using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PrivacyAssistant.Reliability.Tests.Support;

/// <summary>
/// Builds compact JWTs byte by byte, for forgeries a JWT library refuses to produce (alg none,
/// HMAC keyed with an RSA public key, foreign header parameters, tampered payloads).
/// </summary>
public static class RawJwt
{
    public static string Create(JsonObject header, JsonObject payload, Func<byte[], byte[]>? sign = null)
    {
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = sign is null ? string.Empty : Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)));
        return signingInput + "." + signature;
    }

    public static JsonObject Header(string compactJwt) => Part(compactJwt, 0);

    public static JsonObject Payload(string compactJwt) => Part(compactJwt, 1);

    /// <summary>The token with its header or payload replaced and the original signature kept.</summary>
    public static string Replace(string compactJwt, JsonObject? header = null, JsonObject? payload = null)
    {
        var parts = compactJwt.Split('.');
        return (header is null ? parts[0] : Encode(header)) + "." + (payload is null ? parts[1] : Encode(payload)) + "." + parts[2];
    }

    private static JsonObject Part(string compactJwt, int index) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(compactJwt.Split('.')[index]))!.AsObject();

    private static string Encode(JsonObject part) => Base64UrlEncoder.Encode(part.ToJsonString());
}
