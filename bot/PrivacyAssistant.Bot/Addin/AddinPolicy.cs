using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NJsonSchema;

namespace PrivacyAssistant.Bot.Addin;

/// <summary>
/// The add-in policy as served: validated against its JSON schema once at start-up, with the bot id
/// filled in, serialized once and tagged with a strong ETag.
/// </summary>
public sealed class AddinPolicy
{
    public AddinPolicy(byte[] body, string etag)
    {
        Body = body;
        ETag = etag;
    }

    public byte[] Body { get; }

    public string ETag { get; }

    /// <summary>Loads and validates the policy; throws <see cref="OptionsValidationException"/> naming the file and the problem.</summary>
    public static AddinPolicy Load(string policyPath, string schemaPath, string? botId)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(policyPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Invalid(policyPath, e.Message);
        }

        if (node is not JsonObject policy)
        {
            throw Invalid(policyPath, "the policy must be a JSON object");
        }

        JsonSchema schema;
        try
        {
            schema = JsonSchema.FromJsonAsync(File.ReadAllText(schemaPath)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException)
        {
            throw Invalid(schemaPath, e.Message);
        }

        var errors = schema.Validate(policy.ToJsonString());
        if (errors.Count > 0)
        {
            var first = errors.OrderBy(e => e.Path, StringComparer.Ordinal).First();
            throw Invalid(policyPath, $"{first.Path}: {first.Kind} ({errors.Count} problem(s))");
        }

        if (!string.IsNullOrWhiteSpace(botId) && policy["knowledge"] is JsonObject knowledge
            && string.IsNullOrEmpty(knowledge["botId"]?.GetValue<string>()))
        {
            knowledge["botId"] = botId;
        }

        policy.Remove("$schema");
        var body = JsonSerializer.SerializeToUtf8Bytes(policy);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"";
        return new AddinPolicy(body, etag);
    }

    private static OptionsValidationException Invalid(string path, string problem) =>
        new(AddinOptions.SectionName, typeof(AddinOptions), [$"Add-in policy {Path.GetFileName(path)} is invalid: {problem}"]);
}
