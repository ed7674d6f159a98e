using System.Text.RegularExpressions;
using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Redaction;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>
/// Breach intent first (a report must not be answered like a question), then retrieval in the
/// question's language (both languages when it gives no sign), then <see cref="AnswerPolicy"/> (with the
/// question's form, <see cref="QuestionForm"/>, for a weak match), and
/// an out-of-scope topic (<see cref="OutOfScopeRule"/>) may turn an unsure decision into none.
/// Thread-safe: all state is immutable or thread-safe Lucene objects.
/// </summary>
public sealed partial class KnowledgeAnswerer(
    KnowledgeBase knowledge,
    IRetriever retriever,
    BreachIntentDetector breachIntents,
    AnswerPolicy policy,
    PersonalDataRedactor? redactor = null,
    OutOfScopeMatcher? outOfScope = null,
    OutOfScopeRule? outOfScopeRule = null,
    QuestionForm? questionForm = null,
    HowToQuestion? howTo = null,
    ExampleIndex? examples = null,
    ExamplePolicy? examplePolicy = null) : IKnowledgeAnswerer
{
    /// <summary>The entry a breach report refers to when the knowledge base has it.</summary>
    public const string BreachEntryId = "datalek";

    public KnowledgeAnswer Ask(string question, KnowledgeLanguage? preferredLanguage = null, bool explain = false)
    {
        var detected = LanguageDetector.Detect(question);
        // Answer in the language the user writes; the client's language only decides when the text
        // gives no sign ("laptop kwijt", "AVG"): a Dutch teacher with an English Teams reads Dutch.
        var reply = detected ?? preferredLanguage ?? KnowledgeLanguage.Dutch;
        var options = new RetrievalOptions(MaxCandidates: 5, Explain: explain);

        var result = Search(question, detected, options);
        // Names, e-mail addresses and numbers are words no entry contains, so they drag the confidence
        // down ("mag ik de foto van Daan Jansen plaatsen"): search the question without them too and
        // keep whichever is surer. Breach intent is decided on the original text.
        var redacted = redactor?.Redact(question);
        if (redacted is { Redactions.Count: > 0 })
        {
            var cleaned = Search(PlaceholderPattern().Replace(redacted.Text, " "), detected, options);
            if ((cleaned.Top?.Confidence ?? 0) > (result.Top?.Confidence ?? 0))
            {
                result = cleaned;
            }
        }

        var confidence = result.Top?.Confidence ?? 0;
        var (breach, mentionsBreaches) = breachIntents.Read(question);
        if (breach is not null)
        {
            var breachEntry = knowledge.Find(BreachEntryId) ?? knowledge.Entries.FirstOrDefault(e => e.Offers(EntryActions.ReportBreach));
            return new KnowledgeAnswer(AnswerDecision.Breach, reply, breachEntry, [], confidence, result, breach);
        }

        var candidates = result.Candidates;
        if (mentionsBreaches)
        {
            // A question about breaches (not a report): the breach entry answers it when it is plausible at all.
            var breachEntry = candidates.FirstOrDefault(c => c.EntryId == BreachEntryId && c.Confidence >= policy.NoneThreshold);
            if (breachEntry is not null && candidates[0] != breachEntry)
            {
                candidates = [breachEntry, .. candidates.Where(c => c != breachEntry)];
            }
        }

        // A weak match needs a question shaped like a privacy question (AnswerPolicy.FormThreshold); one naming breaches is.
        // A how-to question about a tool gets no card at all below AnswerPolicy.HowToThreshold.
        var (decision, chosen) = policy.Decide(
            candidates,
            (Answerer: this, Question: question, Breaches: mentionsBreaches),
            static s => s.Answerer.ShapeOf(s.Question, s.Breaches));
        // For the explanation (ask): the how-to phrase of a question about a tool whose card the policy took away
        // (ShapeOf's HowTo case, with the phrase it found kept rather than matched a second time).
        var howToPhrase = decision == AnswerDecision.None && candidates.Count > 0 && candidates[0].Confidence >= policy.NoneThreshold
            && candidates[0].Confidence < policy.HowToThreshold && !mentionsBreaches && !AsksAboutPrivacy(question)
            ? howTo?.Match(question)
            : null;
        // A question the FAQ explains only partly may be about something else altogether (the canteen,
        // a password reset): when an out-of-scope topic explains it clearly better, say so instead of
        // offering privacy entries. Never for a question naming breaches; a confident answer only when
        // the question is not shaped like a privacy question (OutOfScopeRule) and is none of the entry's phrasings.
        OutOfScopeMatch? outside = null;
        if (outOfScope is not null && !mentionsBreaches)
        {
            // The question's shape matters only for a confident answer; one that stands whatever the topics say needs no match.
            var privacyShaped = decision != AnswerDecision.Answer || candidates[0].ExactPhrasing || AsksAboutPrivacy(question);
            var match = decision == AnswerDecision.Answer && privacyShaped ? null : outOfScope.Match(result, bothLanguages: detected is null);
            var best = candidates.Count > 0 ? candidates[0].Confidence : 0;
            if ((outOfScopeRule ?? OutOfScopeRule.Default).Overrules(decision, best, match, privacyShaped))
            {
                outside = match;
                decision = AnswerDecision.None;
                chosen = [];
            }
        }

        // Unsure (a card or none): the labelled example questions may re-order, settle or take back the card, or offer
        // one for a none (ExamplePolicy). A breach report or a confident answer never gets here changed, nor a none an
        // out-of-scope topic or the how-to rule explains: the privacy officer's topic list (or the question's form) says
        // outright that it is outside privacy, where the examples only say what it looks like (a contract extension is not
        // a processing agreement, embedding a video is not about pictures of pupils).
        ExampleVerdict? evidence = null;
        var entries = chosen.Select(c => knowledge.Get(c.EntryId)).ToList();
        // A question naming breaches (a "?" line of breach-intents.txt) that the FAQ's words leave unplaced is still about
        // breaches: offer the breach entry as a "Bedoel je…?" rather than nothing ("does a breach have to involve sensitive
        // data or are names alone enough"). The example questions below may still re-order it or take it back.
        if (decision == AnswerDecision.None && mentionsBreaches && knowledge.Find(BreachEntryId) is { } breachOffer)
        {
            decision = AnswerDecision.Clarify;
            entries = [breachOffer];
        }

        if (examples is not null && examplePolicy is not null && examplePolicy.Consulted(decision) && outside is null && howToPhrase is null)
        {
            var verdict = examples.Nearest(question, explain);
            evidence = verdict;
            var (changed, ids) = examplePolicy.Decide(decision, entries.FirstOrDefault()?.Id, verdict);
            if (ids is not null)
            {
                decision = changed;
                entries = ids.Select(knowledge.Get).ToList();
                if (decision != AnswerDecision.None)
                {
                    outside = null;
                    howToPhrase = null;
                }
            }
        }

        return new KnowledgeAnswer(
            decision,
            reply,
            entries.FirstOrDefault(),
            decision == AnswerDecision.Clarify ? entries : [],
            confidence,
            result,
            null,
            outside,
            howToPhrase,
            evidence);
    }

    private QuestionShape ShapeOf(string question, bool mentionsBreaches) =>
        mentionsBreaches || AsksAboutPrivacy(question) ? QuestionShape.Privacy
        : howTo?.Match(question) is not null ? QuestionShape.HowTo
        : QuestionShape.Other;

    // Without a question-form word list every question counts as shaped like a privacy question.
    private bool AsksAboutPrivacy(string question) => questionForm is null || questionForm.AsksAboutPrivacy(question);

    private RetrievalResult Search(string text, KnowledgeLanguage? detected, RetrievalOptions options)
    {
        if (detected is { } language)
        {
            return retriever.Retrieve(text, language, options);
        }

        var dutch = retriever.Retrieve(text, KnowledgeLanguage.Dutch, options);
        var english = retriever.Retrieve(text, KnowledgeLanguage.English, options);
        return (english.Top?.Confidence ?? 0) > (dutch.Top?.Confidence ?? 0) ? english : dutch;
    }

    [GeneratedRegex(@"\[[A-Z-]+-\d+\]")]
    private static partial Regex PlaceholderPattern();
}
