using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.BotFramework.Builder;
using PrivacyAssistant.BotFramework.Schema;
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

    // The other cards of a reply to a question are bound once per what they show besides the question,
    // which goes into its holes per reply (PreboundCard): binding the clarify and not-sure cards per reply
    // was ≈ 4 % of a turn's CPU at 200 in flight. Keyed by entries, flags and language, never by question;
    // null marks a card that cannot be prebound (bound per reply).
    private readonly PreboundCards<(string First, string? Second, KnowledgeLanguage Language)> _clarifyCards = new();
    private readonly PreboundCards<(string BestEntryId, KnowledgeLanguage Language, bool OutOfScope)> _noneCards = new();
    private readonly ConcurrentDictionary<(string? BreachEntryId, KnowledgeLanguage Language), byte[]> _breachCards = new();

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

        return JsonNode.Parse(AnswerJson(entry, language).Span)!.AsObject();
    }

    /// <summary>The plain answer card (no feedback, no generated text) as UTF-8 JSON, rendered once per entry and language.</summary>
    public ReadOnlyMemory<byte> AnswerJson(KnowledgeEntry entry, KnowledgeLanguage language) =>
        _answerCards.GetOrAdd(
            (entry.Id, language),
            static (key, state) => JsonSerializer.SerializeToUtf8Bytes(state.Cards.RenderAnswer(state.Entry, key.Language, null, null)),
            (Cards: this, Entry: entry));

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

    /// <summary>
    /// <see cref="Clarify"/> without an error, as UTF-8 JSON (the same bytes), bound once per options and language
    /// and put together with the question when the reply is written: no copy of the card per reply (≈ 2.5 KB of a
    /// clarify turn's garbage).
    /// </summary>
    public IUtf8JsonText ClarifyCard(IReadOnlyList<KnowledgeEntry> options, string question, KnowledgeLanguage language)
    {
        if (options.Count is 1 or 2
            && _clarifyCards.Get((options[0].Id, options.Count == 2 ? options[1].Id : null, language), key => Clarify(options, PreboundCard.Marker(0), key.Language)) is { } card)
        {
            return card.With(question);
        }

        return new Utf8JsonBytes(JsonSerializer.SerializeToUtf8Bytes(Clarify(options, question, language)));
    }

    /// <param name="outOfScope">
    /// The question matched an out-of-scope topic (<c>knowledge/out-of-scope.txt</c>): the card says it
    /// looks like a question outside privacy instead of "Dat weet ik niet zeker", and keeps the way to the
    /// desk (the asker may disagree). The flag travels in the escalate action's data, so the card comes back
    /// the same when the consent box was not ticked.
    /// </param>
    public JsonObject None(string question, string? bestEntryId, KnowledgeLanguage language, string? error = null, bool outOfScope = false) =>
        cards.Render("FaqNone", LanguageCode(language), new { question, bestEntryId = bestEntryId ?? "", error, desk = Desk, outOfScope = outOfScope ? "true" : null });

    /// <summary>
    /// <see cref="None"/> without an error, as UTF-8 JSON (the same bytes), bound once per best entry, flag and
    /// language and put together with the question when the reply is written (as <see cref="ClarifyCard"/>).
    /// </summary>
    public IUtf8JsonText NoneCard(string question, string? bestEntryId, KnowledgeLanguage language, bool outOfScope = false)
    {
        var card = _noneCards.Get((bestEntryId ?? "", language, outOfScope), key => None(PreboundCard.Marker(0), key.BestEntryId, key.Language, outOfScope: key.OutOfScope));
        return card is not null ? card.With(question) : new Utf8JsonBytes(JsonSerializer.SerializeToUtf8Bytes(None(question, bestEntryId, language, outOfScope: outOfScope)));
    }

    /// <summary>The notification summary of <see cref="None"/>.</summary>
    public string NoneSummary(KnowledgeLanguage language, bool outOfScope) =>
        outOfScope ? Summary("FaqNone", language, "outOfScopeSummary") : Summary("FaqNone", language);

    public JsonObject Breach(KnowledgeLanguage language, string? breachEntryId) =>
        cards.Render("FaqBreach", LanguageCode(language), new { breachEntryId, desk = Desk });

    /// <summary><see cref="Breach"/> as UTF-8 JSON (the same bytes), rendered once per entry and language.</summary>
    public ReadOnlyMemory<byte> BreachJson(KnowledgeLanguage language, string? breachEntryId) =>
        _breachCards.GetOrAdd((breachEntryId, language), static (key, self) => JsonSerializer.SerializeToUtf8Bytes(self.Breach(key.Language, key.BreachEntryId)), this);

    public JsonObject Escalated(Escalation escalation, KnowledgeLanguage language) =>
        cards.Render("FaqEscalated", LanguageCode(language), new { reference = escalation.Reference, question = escalation.Question, desk = Desk });

    public string Summary(string card, KnowledgeLanguage language, string key = "summary") =>
        _summaries.GetOrAdd((card, key, language), static (k, self) => self.Text(k.Card, k.Key, k.Language), this);

    public string Text(string table, string key, KnowledgeLanguage language) => cards.Text(table, key, LanguageCode(language), new { desk = Desk });

    /// <summary>A card bound per reply (one that cannot be prebound), as <see cref="IUtf8JsonText"/>.</summary>
    private sealed class Utf8JsonBytes(byte[] json) : IUtf8JsonText
    {
        public int Length => json.Length;

        public void CopyTo(Span<byte> destination) => json.CopyTo(destination);
    }

    /// <summary>
    /// Prebound cards by key, at most <see cref="Capacity"/> (then bound per reply): the clarify card's key
    /// is a pair of entries, of which a large knowledge base has many.
    /// </summary>
    private sealed class PreboundCards<TKey>
        where TKey : notnull
    {
        public const int Capacity = 2048;

        private readonly ConcurrentDictionary<TKey, PreboundCard?> _cards = new();
        private int _count;

        /// <summary>The card for <paramref name="key"/>, bound with markers by <paramref name="bind"/>; null when it cannot be prebound or the cache is full.</summary>
        public PreboundCard? Get(TKey key, Func<TKey, JsonObject> bind)
        {
            if (_cards.TryGetValue(key, out var card))
            {
                return card;
            }

            card = PreboundCard.TryCreate(bind(key), 1);
            if (Interlocked.Increment(ref _count) <= Capacity)
            {
                return _cards.GetOrAdd(key, card);
            }

            Interlocked.Decrement(ref _count);
            return card;
        }
    }
}
