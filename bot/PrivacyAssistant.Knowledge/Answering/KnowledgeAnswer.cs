using PrivacyAssistant.Knowledge.Entries;
using PrivacyAssistant.Knowledge.Retrieval;

namespace PrivacyAssistant.Knowledge.Answering;

/// <summary>The answerer's verdict on one question.</summary>
/// <param name="Decision">Answer, clarify, none or breach.</param>
/// <param name="Language">The language to reply in.</param>
/// <param name="Entry">The entry shown (answer), the best option (clarify), the breach entry (breach) or null (none).</param>
/// <param name="Options">For clarify: the entries to choose from, best first; otherwise empty.</param>
/// <param name="Confidence">The best candidate's confidence (0 when nothing matched).</param>
/// <param name="Retrieval">The ranked candidates and query terms, for explanation.</param>
/// <param name="Breach">The breach pattern that matched, for decision breach.</param>
/// <param name="OutOfScope">For decision none: the out-of-scope topic that explains the question better than any entry (<c>knowledge/out-of-scope.txt</c>), if one does.</param>
/// <param name="Examples">What the labelled example questions said, when they were asked (a "Bedoel je…?" or none; <see cref="ExamplePolicy"/>); neighbours only for an explanation.</param>
/// <param name="HowTo">For decision none: the how-to phrase (<c>knowledge/how-to-phrases.txt</c>) of a question about a tool whose card the how-to rule took away (<see cref="AnswerPolicy.HowToThreshold"/>).</param>
public sealed record KnowledgeAnswer(
    AnswerDecision Decision,
    KnowledgeLanguage Language,
    KnowledgeEntry? Entry,
    IReadOnlyList<KnowledgeEntry> Options,
    double Confidence,
    RetrievalResult? Retrieval,
    BreachIntentMatch? Breach,
    OutOfScopeMatch? OutOfScope = null,
    HowToPhrase? HowTo = null,
    ExampleVerdict? Examples = null);
