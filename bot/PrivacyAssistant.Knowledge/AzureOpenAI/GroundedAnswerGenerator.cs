using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Redaction;

namespace PrivacyAssistant.Knowledge.AzureOpenAI;

/// <summary>
/// Builds the grounded-answer request (the system prompt is the data file
/// <c>grounded-answer.prompt.md</c>; the entries and the redacted question go as JSON) and checks
/// the reply: JSON of the agreed shape, at least one citation, only ids of entries it was given,
/// no link that the cited entries do not contain. Anything else is rejected and the bot shows the
/// plain entry answer.
/// </summary>
public static partial class GroundedAnswerGenerator
{
    private static readonly Lazy<string> SystemPrompt = new(LoadPrompt);

    public static string SystemMessage => SystemPrompt.Value;

    /// <summary>The user message; entries beyond <paramref name="maxPromptTokens"/> (estimated at 4 characters a token) are left out.</summary>
    public static string UserMessage(string redactedQuestion, KnowledgeLanguage language, IReadOnlyList<KnowledgeEntry> entries, int maxPromptTokens)
    {
        var budget = maxPromptTokens * 4 - SystemMessage.Length - redactedQuestion.Length - 200;
        var included = new JsonArray();
        foreach (var entry in entries)
        {
            var content = entry.In(language);
            var size = content.Title.Length + content.AnswerMarkdown.Length + entry.Id.Length + 40;
            if (included.Count > 0 && size > budget)
            {
                break;
            }

            budget -= size;
            included.Add(new JsonObject { ["id"] = entry.Id, ["title"] = content.Title, ["answer"] = content.AnswerMarkdown });
        }

        var message = new JsonObject
        {
            ["question"] = redactedQuestion,
            ["language"] = language == KnowledgeLanguage.English ? "en" : "nl",
            ["entries"] = included,
        };
        return message.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The ids the user message offered (those that fitted the token budget).</summary>
    public static IReadOnlyList<string> OfferedIds(string userMessage) =>
        (JsonNode.Parse(userMessage)?["entries"] as JsonArray ?? [])
            .Select(e => e?["id"]?.GetValue<string>() ?? "")
            .ToList();

    public static (GroundedReplyCheck Check, GeneratedAnswer? Answer) Check(
        string reply,
        IReadOnlyList<string> offeredIds,
        KnowledgeBase knowledge,
        KnowledgeLanguage language,
        RedactedText question)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(StripFence(reply)) as JsonObject;
        }
        catch (JsonException)
        {
            return (GroundedReplyCheck.Malformed, null);
        }

        if (json is null)
        {
            return (GroundedReplyCheck.Malformed, null);
        }

        var inKnowledgeBase = json["inKnowledgeBase"] is JsonValue flag && flag.TryGetValue<bool>(out var b) ? b : (bool?)null;
        var answer = json["answer"] is JsonValue text && text.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (inKnowledgeBase == false || (inKnowledgeBase is null && string.IsNullOrEmpty(answer)))
        {
            return (GroundedReplyCheck.NotInKnowledgeBase, null);
        }

        if (string.IsNullOrEmpty(answer) || json["citations"] is not JsonArray citationArray)
        {
            return (GroundedReplyCheck.Malformed, null);
        }

        var citations = citationArray.Select(c => c is JsonValue v && v.TryGetValue<string>(out var id) ? id.Trim() : null).ToList();
        if (citations.Count == 0 || citations.Any(c => c is null || !offeredIds.Contains(c, StringComparer.Ordinal) || knowledge.Find(c) is null))
        {
            return (GroundedReplyCheck.UnknownCitation, null);
        }

        var sources = citations.Distinct(StringComparer.Ordinal).Select(c => knowledge.Get(c!)).ToList();
        var sourceText = string.Join("\n", sources.Select(e => e.In(language).AnswerMarkdown + "\n" + string.Join("\n", e.Sources.Select(x => x.Url))));
        foreach (Match link in LinkPattern().Matches(answer))
        {
            if (!sourceText.Contains(link.Value.TrimEnd('.', ',', ')', ';'), StringComparison.OrdinalIgnoreCase))
            {
                return (GroundedReplyCheck.UnknownLink, null);
            }
        }

        return (GroundedReplyCheck.Accepted, new GeneratedAnswer(question.Restore(answer), sources));
    }

    private static string StripFence(string reply)
    {
        var trimmed = reply.Trim();
        if (trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            trimmed = trimmed.Trim('`');
            var newline = trimmed.IndexOf('\n');
            trimmed = newline >= 0 ? trimmed[(newline + 1)..] : trimmed;
        }

        return trimmed;
    }

    private static string LoadPrompt()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PrivacyAssistant.Knowledge.AzureOpenAI.grounded-answer.prompt.md")
            ?? throw new InvalidOperationException("grounded-answer.prompt.md is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"(?:https?://|mailto:|www\.)[^\s)\]>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
