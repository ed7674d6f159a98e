using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Knowledge.AzureOpenAI;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Knowledge;

/// <summary>Renders the knowledge cards (Cards/Faq*.json) from domain records.</summary>
public sealed class FaqCards(CardLibrary cards, KnowledgeBase knowledge, IOptions<SchoolOptions> school)
{
    /// <summary>At most this many related questions are offered as buttons.</summary>
    public const int MaxRelated = 3;

    // The plain answer card (no feedback, no generated text) depends only on the entry and the
    // language, and binding its template was the largest part of a turn after retrieval: it is
    // rendered once per entry and language and kept as UTF-8 JSON. Keyed by entry, never by question.
    private readonly ConcurrentDictionary<(string EntryId, KnowledgeLanguage Language), byte[]> _answerCards = new();

    // The summaries depend only on the card, the text's key, the language and the desk's address.
    private readonly ConcurrentDictionary<(string Card, string Key, KnowledgeLanguage Language), string> _summaries = new();

    private string Desk => school.Value.PrivacyDesk.Email;

    public static string LanguageCode(KnowledgeLanguage language) => language == KnowledgeLanguage.English ? BotLanguage.English : BotLanguage.Dutch;

    public static KnowledgeLanguage FromCode(string language) => language == BotLanguage.English ? KnowledgeLanguage.English : KnowledgeLanguage.Dutch;

    /// <param name="feedback">null (buttons shown), <c>helpful</c> or <c>notHelpful</c> (thanks shown).</param>
    /// <param name="generated">Text Azure OpenAI wrote from the entries (checked); the card says so and links the source entries.</param>
    /// <remarks>
    /// Without <paramref name="feedback"/> and <paramref name="generated"/> the card comes from the
    /// per-entry cache: each call still returns its own object (parsed from the cached bytes on
    /// first access; written out again without being materialised).
    /// </remarks>
    public JsonObject Answer(KnowledgeEntry entry, KnowledgeLanguage language, string? feedback = null, GeneratedAnswer? generated = null)
    {
        if (feedback is not null || generated is not null)
        {
            return RenderAnswer(entry, language, feedback, generated);
        }

        var json = _answerCards.GetOrAdd(
            (entry.Id, language),
            static (key, state) => JsonSerializer.SerializeToUtf8Bytes(state.Cards.RenderAnswer(state.Entry, key.Language, null, null)),
            (Cards: this, Entry: entry));
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>Binds the answer card's template (what <see cref="Answer"/> caches when there is no feedback or generated text).</summary>
    public JsonObject RenderAnswer(KnowledgeEntry entry, KnowledgeLanguage language, string? feedback, GeneratedAnswer? generated)
    {
        var content = entry.In(language);
        var related = entry.Related
            .Select(knowledge.Find)
            .OfType<KnowledgeEntry>()
            .Take(MaxRelated)
            .Select(r => new { entryId = r.Id, title = r.In(language).Title })
            .ToList();
        return cards.Render("FaqAnswer", LanguageCode(language), new
        {
            entryId = entry.Id,
            title = content.Title,
            answer = generated?.Markdown ?? content.AnswerMarkdown,
            generated = generated is null ? null : new
            {
                sources = generated.Sources.Select(e => new { entryId = e.Id, title = e.In(language).Title }).ToList(),
            },
            sources = entry.Sources.Select(s => new { title = s.Title, url = s.Url.ToString() }).ToList(),
            related,
            reportBreach = entry.Offers(EntryActions.ReportBreach),
            feedback,
            desk = Desk,
        });
    }

    public JsonObject Clarify(IReadOnlyList<KnowledgeEntry> options, string question, KnowledgeLanguage language, string? error = null) =>
        cards.Render("FaqClarify", LanguageCode(language), new
        {
            options = options.Select(o => new { entryId = o.Id, title = o.In(language).Title }).ToList(),
            question,
            bestEntryId = options.FirstOrDefault()?.Id ?? "",
            error,
            desk = Desk,
        });

    /// <param name="outOfScope">
    /// The question matched an out-of-scope topic (<c>knowledge/out-of-scope.txt</c>): the card says it
    /// looks like a question outside privacy instead of "Dat weet ik niet zeker", and keeps the way to the
    /// desk (the asker may disagree). The flag travels in the escalate action's data, so the card comes back
    /// the same when the consent box was not ticked.
    /// </param>
    public JsonObject None(string question, string? bestEntryId, KnowledgeLanguage language, string? error = null, bool outOfScope = false) =>
        cards.Render("FaqNone", LanguageCode(language), new { question, bestEntryId = bestEntryId ?? "", error, desk = Desk, outOfScope = outOfScope ? "true" : null });

    /// <summary>The notification summary of <see cref="None"/>.</summary>
    public string NoneSummary(KnowledgeLanguage language, bool outOfScope) =>
        outOfScope ? Summary("FaqNone", language, "outOfScopeSummary") : Summary("FaqNone", language);

    public JsonObject Breach(KnowledgeLanguage language, string? breachEntryId) =>
        cards.Render("FaqBreach", LanguageCode(language), new { breachEntryId, desk = Desk });

    public JsonObject Escalated(Escalation escalation, KnowledgeLanguage language) =>
        cards.Render("FaqEscalated", LanguageCode(language), new { reference = escalation.Reference, question = escalation.Question, desk = Desk });

    public string Summary(string card, KnowledgeLanguage language, string key = "summary") =>
        _summaries.GetOrAdd((card, key, language), static (k, self) => self.Text(k.Card, k.Key, k.Language), this);

    public string Text(string table, string key, KnowledgeLanguage language) => cards.Text(table, key, LanguageCode(language), new { desk = Desk });
}
