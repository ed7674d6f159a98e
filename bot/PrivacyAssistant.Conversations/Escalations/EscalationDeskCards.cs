using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Knowledge;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Feedback;

namespace PrivacyAssistant.Conversations.Escalations;

/// <summary>
/// Renders the cards of forwarded questions: the desk's list (<c>EscalationDesk</c>), the desk's
/// Teams alert (<c>EscalationAlert</c>) and the answer to the asker (<c>EscalationAnswer</c>).
/// Text people typed (question, name) is shown literally (<see cref="MarkdownText.Escape"/>).
/// </summary>
public sealed class EscalationDeskCards(CardLibrary cards, IOptions<SchoolOptions> school, IOptions<BreachesOptions> breaches)
{
    /// <summary>At most this many questions per card: a Teams card holds about 28 KB, a question up to 2,000 characters.</summary>
    public const int MaxListed = 8;

    public const string Desk = "EscalationDesk";

    /// <summary>The id of a question's answer field (inputs of the whole card are sent with every button).</summary>
    public static string InputId(string reference) => "answer-" + reference;

    /// <param name="open">What needs the desk: open questions, and answered ones whose answer could not be delivered (shown with that answer and a <b>Afgehandeld</b> button instead of an answer field).</param>
    /// <param name="notice">A line above the list, e.g. "Antwoord op VR-2026-0001 is verstuurd".</param>
    /// <param name="problemReference">A question whose answer field was empty (marked on the card).</param>
    /// <param name="typed">Answers typed in so far, by reference, kept in their fields when the card comes back.</param>
    public JsonObject List(string language, IReadOnlyList<Escalation> open, string? notice = null, string? problemReference = null, IReadOnlyDictionary<string, string>? typed = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(breaches.Value.TimeZone);
        var shown = open.Take(MaxListed).Select(e => new
        {
            reference = e.Reference,
            date = TimeZoneInfo.ConvertTime(e.CreatedAt, zone).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            language = cards.Text(Desk, e.Language == KnowledgeLanguage.English ? "english" : "dutch", language),
            question = MarkdownText.Escape(e.Question),
            contact = string.IsNullOrWhiteSpace(e.ContactName) ? null : cards.Text(Desk, "contact", language, new { name = MarkdownText.Escape(e.ContactName) }),
            error = e.Reference == problemReference ? cards.Text(Desk, "answerMissing", language) : null,
            canReply = e.CanReply,
            undelivered = e.Status == EscalationStatus.Undelivered,
            undeliveredText = e.Status != EscalationStatus.Undelivered ? null
                : string.IsNullOrWhiteSpace(e.ContactName) ? cards.Text(Desk, "undeliveredAnonymous", language)
                : cards.Text(Desk, "undeliveredContact", language, new { name = MarkdownText.Escape(e.ContactName) }),
            givenAnswer = e.Status == EscalationStatus.Undelivered ? e.Answer : null,
            inputId = InputId(e.Reference),
            value = typed is not null && typed.TryGetValue(e.Reference, out var text) ? text : null,
            answerLabel = cards.Text(Desk, "answerLabel", language, new { reference = e.Reference }),
        }).ToList();
        var more = open.Count > MaxListed ? cards.Text(Desk, "more", language, new { count = open.Count - MaxListed }) : null;
        return cards.Render(Desk, language, new { questions = shown, notice, more });
    }

    public string Text(string key, string language, object? data = null) => cards.Text(Desk, key, language, data);

    /// <summary>The desk's alert: reference, language and whether contact was asked; not the question (a chat keeps it beyond retention).</summary>
    public (JsonObject Card, string Summary) Alert(string language, Escalation escalation) => Alert(language, escalation, "title", "text", "summary");

    /// <summary>The desk's alert that its answer could not be delivered; the same facts, no question and no answer.</summary>
    public (JsonObject Card, string Summary) UndeliveredAlert(string language, Escalation escalation) =>
        Alert(language, escalation, "undeliveredTitle", "undeliveredText", "undeliveredSummary");

    private (JsonObject Card, string Summary) Alert(string language, Escalation escalation, string title, string text, string summary)
    {
        const string Card = "EscalationAlert";
        var facts = new
        {
            reference = escalation.Reference,
        };
        var data = new
        {
            reference = escalation.Reference,
            title = cards.Text(Card, title, language, facts),
            text = cards.Text(Card, text, language, facts),
            language = cards.Text(Card, escalation.Language == KnowledgeLanguage.English ? "english" : "dutch", language),
            contact = cards.Text(Card, string.IsNullOrWhiteSpace(escalation.ContactName) ? "anonymous" : "contactWanted", language),
        };
        return (cards.Render(Card, language, data), cards.Text(Card, summary, language, facts));
    }

    /// <summary>The desk's answer for the asker, in the asker's language. The answer is the desk's own Markdown.</summary>
    public (JsonObject Card, string Summary) Answer(Escalation escalation)
    {
        var language = FaqCards.LanguageCode(escalation.Language);
        var data = new
        {
            reference = escalation.Reference,
            question = MarkdownText.Escape(escalation.Question),
            answer = escalation.Answer ?? string.Empty,
            desk = school.Value.PrivacyDesk.Email,
        };
        return (cards.Render("EscalationAnswer", language, data), cards.Text("EscalationAnswer", "summary", language, data));
    }
}
