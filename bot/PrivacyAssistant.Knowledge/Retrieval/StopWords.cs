using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Words that carry no topic. Lucene's Snowball lists plus the filler of spoken questions
/// ("mag ik eigenlijk even..."). Kept small: BM25's idf already discounts common words, the list
/// mainly keeps filler from counting as "unmatched" in the confidence score.
/// </summary>
public static class StopWords
{
    private static readonly string[] DutchExtra =
    [
        "mag", "mogen", "magge", "moeten", "mogelijk", "kun", "kunt", "jij", "jou", "jouw", "jullie", "we", "wij", "ze", "zij",
        "graag", "even", "eigenlijk", "precies", "nou", "hoor", "hè", "he", "eh", "nee", "oké", "oke", "ok", "hallo", "hoi", "hey", "hi",
        "goedemorgen", "goedemiddag", "bedankt", "dank", "dankjewel", "alvast", "groet", "groeten", "vraag", "vraagje", "iemand",
        "welke", "welk", "waar", "wanneer", "waarom", "hoeveel", "waarmee", "waarvoor", "wat", "wie", "hoe", "of", "gewoon", "zomaar",
        "zo'n", "zon", "dit", "deze", "die", "dat", "daar", "daarvoor", "daarover", "erover", "ervoor", "hierover", "hiervoor",
        "gaat", "gaan", "ga", "doe", "doet", "zit", "zitten", "staat", "staan", "kom", "komt", "wel", "al", "nog", "ook", "dan",
        "word", "wordt", "worden", "ben", "bent", "is", "zijn", "was", "heb", "hebt", "heeft", "hebben", "had", "zou", "zouden",
        "weet", "weten", "wil", "wilt", "willen", "kan", "kunnen", "moet", "mijn", "m'n", "mn", "je", "jouw", "u", "uw", "me", "mij",
        "precies", "iets", "ergens", "soms", "vaak", "altijd", "nooit", "allemaal", "alle", "elke", "ieder", "iedere", "per",
        "svp", "pls", "please", "aub",
        // Words that frame a question rather than name its topic ("datalek definitie", "wat houdt het in").
        "definitie", "betekenis", "betekent", "houdt", "inhouden", "bedoeld", "bedoelen",
        "toegestaan", "regels", "regel", "idee",
        // Verbs that frame where to look ("waar vind ik…"), measured on dev.tsv: as topic words they
        // pulled questions to the entries whose titles happen to use them. ("vragen" was tried too and
        // cost more than it gained.)
        "vind", "vinden", "vindt",
    ];

    private static readonly string[] EnglishExtra =
    [
        "i", "me", "my", "we", "our", "you", "your", "can", "could", "may", "might", "must", "should", "would", "shall", "do",
        "does", "did", "done", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "what", "which",
        "who", "whom", "when", "where", "why", "how", "hi", "hello", "hey", "please", "thanks", "thank", "just", "actually",
        "really", "any", "anything", "something", "some", "about", "there", "here", "it's", "its", "i'm", "im", "allowed",
        "question", "know", "want", "need", "get", "got", "let", "lets",
        "many", "much", "definition", "meaning", "mean", "means", "rules", "rule",
        "find",
    ];

    public static CharArraySet Dutch { get; } = Build(DutchAnalyzer.DefaultStopSet, DutchExtra);

    public static CharArraySet English { get; } = Build(EnglishAnalyzer.DefaultStopSet, EnglishExtra);

    public static CharArraySet For(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;

    private static CharArraySet Build(CharArraySet defaults, string[] extra)
    {
        var words = new List<string>();
        foreach (var word in defaults)
        {
            words.Add(word?.ToString() ?? string.Empty);
        }

        words.AddRange(extra);
        // Stop words are compared after accent folding and apostrophe removal, so fold the list the same way.
        var folded = words.Select(TextNormalizer.Fold).Where(w => w.Length > 0);
        return new CharArraySet(LuceneVersion.LUCENE_48, folded.ToList(), ignoreCase: true).AsReadOnly();
    }
}
