using System.Text.Json.Nodes;
using NJsonSchema;
using PrivacyAssistant.Testing;

namespace PrivacyAssistant.Bot.Tests.Support;

/// <summary>Validates cards that went over the wire against the Adaptive Card 1.5 schema in <c>../shared/schemas</c>.</summary>
internal static class CardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepositoryPaths.SharedSchema("adaptive-card-1.5.json")).GetAwaiter().GetResult());

    public static void AssertValid(JsonObject card)
    {
        var errors = Schema.Value.Validate(card.ToJsonString()).Select(e => $"{e.Path}: {e.Kind} {e.Property}").ToList();
        Assert.True(errors.Count == 0, "Not a valid Adaptive Card 1.5:\n" + string.Join("\n", errors));
        Assert.DoesNotContain("${", card.ToJsonString(), StringComparison.Ordinal);
    }
}
