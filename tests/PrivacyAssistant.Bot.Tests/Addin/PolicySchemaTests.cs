using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyAssistant.Bot.Addin;
using PrivacyAssistant.Testing;

namespace PrivacyAssistant.Bot.Tests.Addin;

/// <summary>
/// The start-up check (<see cref="PolicySchema"/>) against NJsonSchema, a full draft-07 validator,
/// on the shipped policy and schema: same verdict for the shipped policy and for each variant.
/// </summary>
public sealed class PolicySchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "knowledge", "addin-policy.schema.json"));
    private static readonly string PolicyText = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "knowledge", "addin-policy.json"));
    private static readonly PolicySchema Checker = PolicySchema.Parse(SchemaText);
    private static readonly NJsonSchema.JsonSchema Reference = NJsonSchema.JsonSchema.FromJsonAsync(SchemaText).GetAwaiter().GetResult();

    [Fact]
    public void Validate_ShippedPolicy_HasNoProblems()
    {
        Assert.Empty(Reference.Validate(PolicyText));
        Assert.Empty(Checker.Validate(JsonDocument.Parse(PolicyText).RootElement));
    }

    [Theory]
    [InlineData("/version", "2", false, false)]
    [InlineData("/version", "\"1\"", false, false)]
    [InlineData("/version", null, false)]
    [InlineData("/schoolDomains", "[\"not a domain\"]", false)]
    [InlineData("/schoolDomains", "[\"-school.nl\"]", false)]
    [InlineData("/schoolDomains", "[3]", false)]
    [InlineData("/schoolDomains", "\"school.nl\"", false)]
    [InlineData("/schoolDomains", "[\"mail.school.nl\"]", true)]
    [InlineData("/trustedPartnerDomains", null, true)]
    [InlineData("/privateDomains", null, false)]
    [InlineData("/recipients/maxVisibleExternal", "-3", false)]
    [InlineData("/recipients/maxVisibleExternal", "0", false)]
    [InlineData("/recipients/maxVisibleExternal", "0.5", true)]
    [InlineData("/recipients/maxVisibleExternal", "\"5\"", false)]
    [InlineData("/recipients/maxVisibleTotal", null, false)]
    [InlineData("/attachments/scanBudgetMs", "0", false)]
    [InlineData("/attachments", "[]", false)]
    [InlineData("/studentFileNamePatterns/0/pattern", "\"\"", false)]
    [InlineData("/studentFileNamePatterns/0/label/en", null, false)]
    [InlineData("/studentFileNamePatterns/0/label/nl", "\"\"", false)]
    [InlineData("/specialCategoryTerms", "[\"\"]", false)]
    [InlineData("/specialCategoryTerms", "[\"ADHD\", \"dyslexie\"]", true)]
    [InlineData("/sharing/disallowedHosts", "[{\"host\": \"bad host\", \"name\": \"x\"}]", false)]
    [InlineData("/sharing/disallowedHosts", "[{\"host\": \"we.tl\", \"name\": \"\"}]", false)]
    [InlineData("/sharing/disallowedHosts", "[{\"host\": \"we.tl\", \"name\": \"WeTransfer\"}]", true)]
    [InlineData("/knowledge/linkTemplate", "\"http://teams.microsoft.com/l/entity/{botId}\"", false)]
    [InlineData("/knowledge/entries/Bad_Key", "{\"nl\": \"x\", \"en\": \"x\"}", false, false)]
    [InlineData("/knowledge/entries/nieuw-item", "{\"nl\": \"x\", \"en\": \"x\"}", true)]
    [InlineData("/knowledge/entries/nieuw-item", "{\"nl\": \"x\"}", false)]
    [InlineData("/knowledge/entries/datalek", null, false)]
    [InlineData("/wording/nl/shareInstead", "\"\"", false)]
    [InlineData("/wording/en", null, false)]
    [InlineData("/somethingNew", "{\"any\": true}", true)]
    /// <param name="referenceApplies">
    /// False where NJsonSchema (11.x) does not apply the keyword (<c>const</c>, <c>propertyNames</c>) and
    /// accepts what draft-07 — and the add-in's ajv check — reject; the start-up check applies it.
    /// </param>
    public void Validate_Variant_GetsTheVerdictNJsonSchemaGives(string pointer, string? value, bool valid, bool referenceApplies = true)
    {
        var policy = JsonNode.Parse(PolicyText)!;
        var segments = pointer.Split('/')[1..];
        var parent = segments[..^1].Aggregate(policy, (node, segment) => node is JsonArray array ? array[int.Parse(segment)]! : node[segment]!);
        if (value is null)
        {
            Assert.True(((JsonObject)parent).Remove(segments[^1]));
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(value);
        }

        var text = policy.ToJsonString();
        var problems = Checker.Validate(JsonDocument.Parse(text).RootElement);

        Assert.Equal(referenceApplies ? valid : true, Reference.Validate(text).Count == 0);
        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            // The message points at what is wrong.
            Assert.Contains(problems, p => p.Contains(segments[^1], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_PolicyThatIsNotAnObject_IsRejectedByBoth()
    {
        Assert.NotEmpty(Reference.Validate("[]"));
        Assert.NotEmpty(Checker.Validate(JsonDocument.Parse("[]").RootElement));
    }

    [Theory]
    [InlineData("enum")]
    [InlineData("oneOf")]
    [InlineData("maximum")]
    [InlineData("patternProperties")]
    public void Parse_SchemaUsingAKeywordTheCheckDoesNotApply_IsRefusedNamingIt(string keyword)
    {
        var schema = JsonNode.Parse(SchemaText)!;
        schema["properties"]!["recipients"]!["properties"]!["maxVisibleExternal"]![keyword] = keyword == "maximum" ? 100 : new JsonArray(1, 2);

        var error = Assert.Throws<FormatException>(() => PolicySchema.Parse(schema.ToJsonString()));

        Assert.Contains($"'{keyword}'", error.Message);
        Assert.Contains("maxVisibleExternal", error.Message);
    }

    [Fact]
    public void Parse_ReferenceToNothing_IsRefused()
    {
        var schema = JsonNode.Parse(SchemaText)!;
        schema["properties"]!["schoolDomains"]!["$ref"] = "#/definitions/nothing";

        var error = Assert.Throws<FormatException>(() => PolicySchema.Parse(schema.ToJsonString()));

        Assert.Contains("#/definitions/nothing", error.Message);
    }
}
