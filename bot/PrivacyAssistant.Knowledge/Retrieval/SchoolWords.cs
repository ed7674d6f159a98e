using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Retrieval;

/// <summary>
/// Words of everyday school and office life that name no privacy topic: people ("leerling",
/// "ouders", "collega"), the school year ("rooster", "toets", "verlof", "diploma-uitreiking"),
/// ordinary devices and tools ("laptop", "printer", "Teams") and general verbs ("maken",
/// "aanvragen", "gebruiken").
/// </summary>
/// <remarks>
/// The knowledge base uses them all the time, as context, so a question that matches an entry
/// only on such words ("hoe vraag ik een nieuwe laptop aan", "where is the staff room") is not
/// about that entry: a candidate needs at least one matched word that is not a school word (nor an
/// everyday word) to get any confidence (see <see cref="LuceneRetriever"/>). Unlike everyday words
/// they keep their full share of the confidence once such a word matches too, so "mag ik de
/// toetscijfers van de klas in Teams zetten" is as sure as before. A school word the knowledge base
/// does not contain ("verlof", "printer") is a word, not a typo: it is not corrected to a near
/// spelling ("verlof" would become "verloren" and look like a breach).
/// Chosen by going through the vocabulary of the entries' titles, alternates and keywords (the only
/// words an off-topic question can match there) and keeping what is school or office life rather than
/// personal data or its handling; words that name data or what is done with it ("cijfers", "adres",
/// "delen", "vertellen", "bewaren", "noteren", "ziekte", "app", "gemeente") are deliberately not on
/// the list. Measured on dev.tsv, see docs/knowledge-retrieval.md.
/// </remarks>
public static class SchoolWords
{
    private static readonly string[] Dutch =
    [
        // People and groups.
        "school", "scholen", "leerling", "leerlingen", "scholier", "scholieren", "student", "studenten", "ouder", "ouders",
        "vader", "moeder", "kind", "kinderen", "docent", "docenten", "leraar", "leraren", "lerares", "leerkracht", "mentor",
        "mentoren", "collega", "collega's", "medewerker", "medewerkers", "personeel", "directeur", "directie", "conciërge",
        "klas", "klassen", "sectie", "afdeling", "team", "teams",
        // The school year and the building.
        "les", "lessen", "lesuur", "rooster", "roosterwijziging", "toets", "toetsen", "toetsweek", "proefwerk", "huiswerk",
        "vak", "vakken", "vakantie", "verlof", "studieverlof", "ziek", "jaar", "jaren", "schooljaar", "periode", "excursie",
        "kamp", "schoolreis", "sportdag", "schoolfeest", "reünie", "diploma", "diploma-uitreiking", "uitreiking", "ouderavond",
        "vergadering", "kantine", "lokaal", "gebouw", "verdieping", "gang", "parkeren", "fiets", "salaris", "formulier",
        "folder", "nieuwsbrief", "presentatie", "bovenbouw", "onderbouw", "administratie", "opdracht", "opdrachten",
        "lesmethode", "lesmethodes", "leermiddelen", "bezoek", "gesprek", "hal", "helpdesk", "ict", "plan", "planning",
        // Ordinary devices and tools.
        "laptop", "computer", "pc", "printer", "tablet", "teams", "outlook", "word", "excel", "powerpoint", "leeromgeving",
        "elektronische", "browser", "knop", "mailbox",
        // General verbs and judgements.
        "maken", "maak", "doen", "geven", "geeft", "krijgen", "gebruiken", "gebruik", "vragen", "vraagt", "aanvragen",
        "regelen", "veranderen", "verander", "aanpassen", "wijzigen", "bekijken", "kijken", "zien", "zeggen", "bellen",
        "lopen", "liggen", "zetten", "komen", "helpen", "denken", "begrijpen", "werken", "lezen", "schrijven", "invullen",
        "inleveren", "printen", "betalen", "terecht", "goed", "lang", "snel", "echt", "eigen", "ander", "andere", "nodig",
        "belangrijk", "algemeen", "genoeg", "hetzelfde", "elk", "vast", "vrij", "oud", "oude", "klein", "kort", "handig",
        "terug", "verder", "wachten", "starten", "stoppen", "twee", "drie", "vier", "vijf", "zes",
    ];

    private static readonly string[] English =
    [
        "school", "schools", "student", "students", "pupil", "pupils", "parent", "parents", "father", "mother", "child",
        "children", "kid", "kids", "teacher", "teachers", "staff", "colleague", "colleagues", "mentor", "class", "classes",
        "classroom", "department", "team", "teams", "principal",
        "lesson", "lessons", "timetable", "schedule", "test", "tests", "exam", "exams", "homework", "holiday", "holidays",
        "vacation", "leave", "sick", "year", "years", "term", "trip", "camp", "reunion", "graduation", "ceremony", "meeting",
        "canteen", "room", "building", "floor", "parking", "salary", "form", "newsletter", "presentation", "plan", "plans",
        "project", "visit", "home", "career", "member", "button", "browser", "mailbox", "helpdesk",
        "laptop", "computer", "pc", "printer", "tablet", "outlook", "word", "excel", "powerpoint",
        "make", "do", "give", "get", "use", "ask", "apply", "change", "fix", "look", "see", "say", "call", "help", "think",
        "work", "read", "write", "fill", "print", "pay", "come", "go", "put", "take", "good", "long", "fast", "own", "other",
        "need", "important", "general", "enough", "same", "every", "old", "free", "small", "short", "quick", "show", "sit",
        "wait", "walk", "way", "live", "two", "three", "four", "five", "six",
    ];

    public static IEnumerable<string> For(KnowledgeLanguage language) =>
        language == KnowledgeLanguage.English ? English : Dutch;
}
