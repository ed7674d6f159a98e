using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PrivacyAssistant.Bot.Addin;

/// <summary>
/// The add-in policy as served: validated against its JSON schema once at start-up (<see cref="PolicySchema"/>), with the bot id
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
        string text;
        JsonNode? node;
        try
        {
            text = File.ReadAllText(policyPath);
            node = JsonNode.Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw Invalid(policyPath, e.Message);
        }

        if (node is not JsonObject policy)
        {
            throw Invalid(policyPath, "the policy must be a JSON object");
        }

        PolicySchema schema;
        try
        {
            schema = PolicySchema.Parse(File.ReadAllText(schemaPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            throw Invalid(schemaPath, e.Message);
        }

        IReadOnlyList<string> problems;
        try
        {
            using var document = JsonDocument.Parse(text);
            problems = schema.Validate(document.RootElement);
        }
        catch (FormatException e)
        {
            throw Invalid(policyPath, e.Message); // a number out of double's range
        }

        if (problems.Count > 0)
        {
            var shown = string.Join("; ", problems.Take(3));
            throw Invalid(policyPath, problems.Count > 3 ? $"{shown}; … ({problems.Count} problems)" : shown);
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
