using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Everyday words that never name a privacy topic: time ("volgende", "vandaag", "dit jaar",
/// "next", "evening"), weekdays and months, greetings and vague judgements ("beter", "leuk").
/// </summary>
/// <remarks>
/// Unlike stop words they are still searched (they may break ties in ranking) and count in the
/// question's self score, but matching one earns no confidence. In a knowledge base of thirty
/// entries idf cannot tell that "next" or "tijdens" is ordinary: a word in one entry looks as
/// specific as "ransomware". So "is de kantine open tijdens de toetsweek" or "when is the next
/// parents' evening" no longer look explained by an entry that happens to use those words, while a
/// real question keeps its ranking (every entry loses the same credit). Measured on dev.tsv, see
/// docs/knowledge-retrieval.md; words that carry meaning in this domain ("lang", "snel", "uur",
/// "jaar" with an age) are deliberately left out.
/// </remarks>
public static class EverydayWords
{
    private static readonly string[] Dutch =
    [
        "vandaag", "morgen", "gisteren", "overmorgen", "straks", "zometeen", "vanavond", "vanmiddag", "vanochtend", "vannacht",
        "ochtend", "middag", "avond", "nacht", "week", "weken", "weekend", "maand", "maanden", "dag", "dagen",
        "volgende", "volgend", "vorige", "vorig", "afgelopen", "komende", "laatst", "tijdens", "laat", "vroeg", "eerder", "later",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        "begint", "beginnen", "dicht", "nieuw", "nieuwe", "beter", "leuk", "leuke", "mooi", "mooie", "fijn",
        "lekker", "tof", "gezellig",
    ];

    private static readonly string[] English =
    [
        "today", "tomorrow", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weeks", "weekend",
        "month", "months", "day", "days", "next", "last", "previous", "upcoming", "during", "late", "early", "earlier", "later",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "begin", "begins", "start", "starts", "close", "closed", "new", "better", "nice", "good", "great", "fun",
    ];

    public static IEnumerable<string> For(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;
}
