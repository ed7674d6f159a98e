using PrivacyAssistant.Knowledge.Answering;
using PrivacyAssistant.Knowledge.Entries;

namespace PrivacyAssistant.Knowledge.Tests.Answering;

/// <summary>The product's own <c>knowledge/breach-intents.txt</c> (with the product's vocabulary) against the phrasings the issue names.</summary>
public sealed class BreachIntentDetectorTests
{
    private static readonly Lazy<BreachIntentDetector> Product = new(() => Evaluation.EvaluationSets.Product.BreachIntents);

    // A detector with these patterns over the test knowledge's Dutch and English analysis.
    private static BreachIntentDetector Over(string patterns) => new(
        patterns,
        TestKnowledge.Fixture.Index.Analysis(KnowledgeLanguage.Dutch),
        TestKnowledge.Fixture.Index.Analysis(KnowledgeLanguage.English));

    [Theory]
    [InlineData("laptop kwijt")]
    [InlineData("Ik ben mijn laptop kwijt!")]
    [InlineData("mijn telefoon is gestolen")]
    [InlineData("mijn schoollaptops zijn gestolen")]
    [InlineData("ik heb een mail naar de verkeerde ontvanger gestuurd")]
    [InlineData("we zijn getroffen door ransomware")]
    [InlineData("ik heb mijn wachtwoord gedeeld met een stagiair")]
    [InlineData("ik wil een datalek melden")]
    [InlineData("ik heb alle ouders in de cc gezet in plaats van bcc")]
    [InlineData("My laptop was stolen")]
    [InlineData("I sent an email with grades to the wrong parent")]
    [InlineData("I want to report a data breach")]
    [InlineData("our network was hit by ransomware")]
    [InlineData("I shared my password with a colleague")]
    [InlineData("de map met cijferlijsten is ineens weg")]
    [InlineData("ik stuurde de klassenlijst naar alle ouders")]
    [InlineData("de moeder van Sam kreeg per ongeluk het rapport van een klasgenoot")]
    [InlineData("iemand heeft de lijst met telefoonnummers op een openbare website gezet")]
    [InlineData("onze inschrijfformulieren zijn uit de kast weggenomen")]
    [InlineData("mijn werklaptop is vanmiddag uit de auto gepikt")]
    [InlineData("there are weird emails going out from my account")]
    [InlineData("I entered my password on a fake website")]
    [InlineData("de klassenlijst met adressen is in de groepsapp van de ouders beland")]
    [InlineData("a parent could see the report of another child in the portal")]
    [InlineData("someone logged in with my account")]
    [InlineData("there was a break-in at school last night")]
    [InlineData("er is iets misgegaan met persoonsgegevens en dat wil ik melden")]
    [InlineData("ik heb mijn tas in de trein laten liggen, moet ik dat melden")]
    [InlineData("mijn tas is in de trein blijven liggen")]
    [InlineData("ik ben beroofd op weg naar huis, mijn telefoon is weg")]
    [InlineData("ik heb een usb-stick gevonden met leerlinggegevens")]
    [InlineData("I found a folder with pupil records in the car park")]
    [InlineData("ik heb de cijferlijst in een openbaar kanaal gezet")]
    [InlineData("I gave a caller a student's phone number before realising")]
    [InlineData("de brieven met toetsuitslagen zijn bij de buren bezorgd")]
    [InlineData("I emailed the care plan to the class teacher instead of the mentor")]
    [InlineData("the notes from the care meeting were left on the train")]
    [InlineData("mijn wachtwoord van teams is gewijzigd zonder dat ik iets deed")]
    [InlineData("ik heb op een phishingmail gereageerd met mijn inloggegevens")]
    [InlineData("een ouder heeft een foto van mijn scherm gemaakt tijdens het gesprek")]
    [InlineData("toen ik mijn scherm deelde zagen de ouders de cijfers van andere leerlingen")]
    [InlineData("de lijst met namen van zorgleerlingen hangt op de deur van het lokaal")]
    [InlineData("er staat een lijst met adressen van onze leerlingen te koop op internet")]
    [InlineData("iemand deed alsof hij de vader was en ik heb het adres gegeven")]
    [InlineData("mijn tablet met de absentielijst is uit mijn jaszak gevallen")]
    [InlineData("ik heb mijn tablet met cijfers in de tram vergeten")]
    [InlineData("de brief voor de ouders is naar hun vorige adres gestuurd")]
    [InlineData("I forgot to delete the pupil list from the attachment before I emailed it")]
    [InlineData("ik heb mijn wachtwoord teruggestuurd op een mail die van de helpdesk leek te komen")]
    [InlineData("er stonden namen van leerlingen op de facebookpagina van de sportclub")]
    [InlineData("de oude laptops met leerlinggegevens zijn weggegooid zonder ze te wissen")]
    [InlineData("I put the grade list in the newsletter")]
    [InlineData("de tablet van de mentor is verplaatst en niemand weet waar hij nu is")]
    [InlineData("a parent found another pupil's test in her child's bag")]
    [InlineData("the folder with care plans is one that all students can open")]
    [InlineData("ik heb per ongeluk de toetsresultaten van de klas in de ouderapp gezet")]
    [InlineData("I accidentally sent Emma's report to another family")]
    [InlineData("I sent the care plan of one student to another student's parents")]
    [InlineData("someone took my bag with the marked exams in it")] // a bag with what was in it
    [InlineData("iemand heeft mijn tas met de toetsen meegenomen")]
    [InlineData("I sent the grades to the wrong parent")] // the wrong recipient
    [InlineData("ik heb de cijfers naar de verkeerde ouder gemaild")]
    [InlineData("I emailed the whole class everyone's grades")] // the whole class, with the data named
    [InlineData("I posted the grade list in the wrong channel")]
    [InlineData("someone swiped my phone from my desk")]
    [InlineData("er zit een virus op mijn laptop")] // a virus on a device
    public void Detect_BreachReport_MatchesAPattern(string message)
    {
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("wat is een datalek?")]
    [InlineData("What is a data breach?")]
    [InlineData("binnen hoeveel uur moet een datalek gemeld worden")]
    [InlineData("is een gestolen laptop een datalek")]
    [InlineData("mag ik foto's van leerlingen op instagram zetten")]
    [InlineData("ik ben mijn paraplu kwijt")]
    [InlineData("hoe vraag ik een nieuwe laptop aan")]
    [InlineData("wanneer gebruik ik bcc")]
    [InlineData("mag ik oude dossiers weggooien")]
    [InlineData("mag ik de lijst met telefoonnummers op de website zetten")]
    [InlineData("tips voor breuken in groep 6")] // "breuken in" is one edit from "break in"
    [InlineData("mag ik mijn laptop open laten staan tijdens de pauze")]
    [InlineData("can I post the class list on facebook")]
    [InlineData("ik zoek het verslag van de vorige vergadering")]
    [InlineData("moet ik een gestolen telefoon altijd melden")]
    [InlineData("how long do we keep records after a student has left")]
    [InlineData("is er al een lijst gevonden van de excursie")] // found, but nothing says it holds personal data
    [InlineData("hoe stuur ik een bericht naar alle ouders van de klas")] // asks how to send, reports nothing sent
    [InlineData("hoe voorkom ik dat een brief op het verkeerde adres bezorgd wordt")]
    [InlineData("how do I send the letter by post instead of email")]
    [InlineData("a student who left on the bus forgot his coat")] // "left" is a loss only with a lost object
    [InlineData("ik heb een verkeerd cijfer ingevoerd")]
    [InlineData("staan de namen van leerlingen op de facebookpagina van school")] // asks; "stond" reports
    [InlineData("mijn wachtwoord is na de reset naar mijn privémail gemaild")]
    [InlineData("ik ben mijn laptop vergeten, kan ik er een lenen")] // forgotten at home: no place, no loss
    [InlineData("we hebben de dossiers na vijf jaar weggegooid")] // thrown away, nothing says carelessly
    [InlineData("when should we delete the files of pupils who have left")] // retention: "files" + "left" is no loss
    [InlineData("should we remove the records of leavers")]
    [InlineData("I gave another student a detention for being late")] // another student, but no one's data went anywhere
    [InlineData("I sent another parent the link to the school calendar")]
    [InlineData("someone took my bag by mistake, only my lunch was in it")] // a bag, nothing named in it
    [InlineData("I posted the homework in the wrong channel")] // wrong channel, but no data or document named
    [InlineData("I posted the rota in the wrong order")] // "wrong" of the content, not the recipient
    [InlineData("ik heb een foute tijd in de uitnodiging gezet en die naar alle ouders gestuurd")]
    [InlineData("mijn zoon heeft een virus opgelopen")] // a virus, no device
    [InlineData("I swiped on my phone and the app closed")] // "swiped" of the screen, not of the phone
    public void Detect_QuestionOrSomethingElse_DoesNotMatch(string message)
    {
        Assert.Null(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("mijn laptpo is gestolen")]
    [InlineData("ik ben mijn telefon kwijt")]
    [InlineData("my lapotp was stolen")]
    [InlineData("mijn laptop is gestoeln")] // one swap from "gestolen" as written, two from its stem "gestol"
    [InlineData("my phone got stolenn")] // "stolen" stems to "stol", too short for the tolerance; as written it has six letters
    public void Detect_ReportWithATypo_StillMatches(string message)
    {
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("een ouder heeft de toestemming voor foto's ingetrokken, wat nu?")] // "ingetrokken" is one letter from "ingebroken"
    [InlineData("ik heb overal gezocht naar de sleutel van het lokaal")] // "overal" from "overvallen" (its stem "overval")
    [InlineData("ik heb de lijst met verlof aanvragen gemaakt")] // "verlof" from "verloren" (its stem "verlor")
    [InlineData("mijn pasje voor de printer is verlopen")] // "verlopen" from "verloren"
    [InlineData("ik heb me vergist in de lijst voor de excursie")] // "vergist" from "vermist"
    public void Detect_RealWordOneLetterFromABreachWord_IsNoReport(string message)
    {
        Assert.Null(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("er is bij ons een datalek gebeurt")] // "gebeurt" is a real word; the pattern says "gebeurd"
    [InlineData("mijn mailaccount is gehakt")] // "gehakt" is a real word too: the hacking lines name it with an account or device
    [InlineData("er zijn vannacht inbrekers in de administratie geweest")] // "inbrekers" reached "inbraak" only as a typo
    [InlineData("we had a data breech at school")] // "breech" is a real word and the usual misspelling of "breach": the patterns name it
    public void Detect_RealWordForABreachWord_StillMatches(string message)
    {
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Fact]
    public void Detect_WordOfTheRealWordList_MatchesOnlyAsWrittenOrWithTheOtherDtEnding()
    {
        var dutch = TestKnowledge.Fixture.Index.Analysis(KnowledgeLanguage.Dutch);
        var english = TestKnowledge.Fixture.Index.Analysis(KnowledgeLanguage.English);
        var withoutList = new BreachIntentDetector("inbraak\nlaptop + gestolen\ndatalek + gebeurd", dutch, english);
        var withList = new BreachIntentDetector("inbraak\nlaptop + gestolen\ndatalek + gebeurd", dutch, english, null, "# real words\nintrak\ngestoken gebeurt");

        Assert.NotNull(withoutList.Detect("toen de vader zijn toestemming intrak"));
        Assert.Null(withList.Detect("toen de vader zijn toestemming intrak"));
        Assert.Null(withList.Detect("ik heb de laptop in de tas gestoken"));
        Assert.NotNull(withList.Detect("mijn lapotp is gestolen")); // no word: still a typo
        Assert.NotNull(withList.Detect("er is een datalek gebeurt")); // d and t exchanged
    }

    [Fact]
    public void TypoNeighbours_WordList_NamesTheWordsTheToleranceReadsAsAPatternWordTheyAreNot()
    {
        var detector = Over("overvallen\nlaptop + kwijt\ndatalek + gebeurd");

        var neighbours = detector.TypoNeighbours(["overal", "overval", "laptop", "lapop", "gebeurt", "tafel", "overal"]);

        // "overval" and "laptop" are pattern words as written, "gebeurt" their d/t twin, "tafel" near none; each word once.
        Assert.Equal(["overal", "lapop"], neighbours);
    }

    [Theory]
    [InlineData("the files of pupils who have left were left on the train")]
    [InlineData("we deleted the files of pupils who have left but left a copy on a usb stick on the bus")] // reports, not asks
    public void Detect_LossOfLeaversFiles_StillMatches(string message)
    {
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("laptop", "lapop", true)]
    [InlineData("laptop", "laptpo", true)]
    [InlineData("laptop", "laptops", true)]
    [InlineData("laptop", "lapdop", true)]
    [InlineData("laptop", "lapdo", false)]
    [InlineData("kwijt", "kwijt", true)]
    public void WithinOneEdit_CountsOneInsertDeleteSubstituteOrSwap(string a, string b, bool expected)
    {
        Assert.Equal(expected, BreachIntentDetector.WithinOneEdit(a, b));
    }

    [Theory]
    [InlineData("is ransomware een datalek")]
    [InlineData("wie beslist of een datalek gemeld wordt bij de AP")]
    [InlineData("why should breaches be reported quickly")]
    public void Detect_MessageOpeningAsAQuestionAboutBreaches_IsNoReport(string message)
    {
        Assert.Null(Product.Value.Detect(message));
    }

    [Fact]
    public void Detect_AnchoredAlternative_OnlyMatchesAtTheStart()
    {
        var detector = Over("datalek + melden\n!^wat + datalek\n");

        Assert.Null(detector.Detect("wat moet ik doen om een datalek te melden"));
        Assert.NotNull(detector.Detect("ik wil een datalek melden, wat nu"));
    }

    [Fact]
    public void MentionsBreaches_TopicLine_MatchesQuestionsAboutBreachesOnly()
    {
        var detector = Over("laptop + kwijt\n?datalek|data breach\n");

        Assert.True(detector.MentionsBreaches("krijgen ouders bericht bij een datalek"));
        Assert.True(detector.MentionsBreaches("do parents hear about a data breach"));
        Assert.False(detector.MentionsBreaches("mag ik een foto publiceren"));
        Assert.Null(detector.Detect("krijgen ouders bericht bij een datalek")); // a topic line is no report pattern
    }

    [Theory]
    [InlineData("wat moet ik doen als mijn telefoon gestolen is", true)]
    [InlineData("what should I do if I sent a list to the wrong parent", true)]
    [InlineData("wat doe ik als een cijfer verkeerd in het systeem staat", false)] // wrong data is data integrity, not a breach
    public void MentionsBreaches_WhatToDoIfSomethingIsLost_AsksAboutBreaches(string message, bool expected)
    {
        Assert.Equal(expected, Product.Value.MentionsBreaches(message));
        Assert.Null(Product.Value.Detect(message));
    }

    [Fact]
    public void Detect_CompoundOfASchoolWordAndAPatternWordTheKnowledgeLacks_Matches()
    {
        // "notitieblokje" is a word of this pattern only, not of the knowledge base, and "school" is a school word:
        // the compound splits into the two, so the pattern word is found inside it.
        var detector = Over("notitieblokje + kwijt\n");

        Assert.NotNull(detector.Detect("mijn schoolnotitieblokje is kwijt"));
        Assert.Null(detector.Detect("mijn schoolnotitieblokje is vol"));
    }

    [Theory]
    [InlineData("mijn werkiPad is vanochtend uit de auto gestolen")]
    [InlineData("de sportdaglijst met allergieën is onderweg verloren")]
    public void Detect_ReportNamingTheThingInACompound_Matches(string message)
    {
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("mijn werkiPad doet raar sinds de update")]
    [InlineData("waar kan ik de excursielijst voor volgende week vinden")]
    public void Detect_CompoundWithoutALoss_IsNoReport(string message)
    {
        Assert.Null(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("de tas met de telefoonnummers van de ouders is kwijt")]
    [InlineData("the sheet with the pupils' addresses was lost on the way home")]
    public void Detect_LossOfPersonalDataWhateverItWasWrittenOn_Matches(string message)
    {
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("mag ik gegevens van de enquête gebruiken voor mijn onderzoek")]
    [InlineData("de gegevens voor het onderzoek staan in teams")]
    public void Detect_ResearchIsNoSearchForSomethingLost_IsNoReport(string message)
    {
        // "zoek" alone reported a loss, and "onderzoek" splits into "onder" + "zoek"; the loss is "is zoek", "zijn zoek"….
        Assert.Null(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("een ex-collega kan nog steeds inloggen in magister en ziet de cijfers van zijn oude klassen")]
    [InlineData("a former pupil still has access to the class folder with everyone's reports")]
    [InlineData("een vader zei dat hij in somtoday de cijfers van een ander kind kan zien")]
    [InlineData("de rechten van de zorgmap stonden verkeerd, alle leerlingen konden erin")]
    [InlineData("iemand heeft toegang gekregen tot mijn mailbox en mails gelezen")]
    [InlineData("het gespreksverslag is naar de moeder gemaild terwijl zij geen gezag heeft")]
    [InlineData("de lijst met geboortedata en adressen lag de hele pauze op het kopieerapparaat")]
    [InlineData("in de ouderapp is gedeeld welke kinderen dyslexie hebben")]
    [InlineData("hoe kan het dat een oud-leerling nog steeds bij de map met cijfers kan")]
    public void Detect_UnauthorisedAccessOrExposure_Matches(string message)
    {
        // Nothing lost or sent to a wrong address, but the wrong people can see personal data (session 16).
        Assert.NotNull(Product.Value.Detect(message));
    }

    [Theory]
    [InlineData("de oplader van mijn laptop is gestolen, kan ik een nieuwe bestellen")]
    [InlineData("mijn usb stick is kwijt maar er stond niks op")]
    [InlineData("moet ik ouders om toestemming vragen voor een openbare map met werkstukken")]
    [InlineData("kunnen alle mentoren de zorgdossiers van hun leerlingen inzien?")]
    [InlineData("de stagiaire heeft toegang tot de map met lesmateriaal nodig")]
    [InlineData("ik heb de verkeerde rechten op de sectiemap, ik kan niet alle bestanden openen")]
    [InlineData("in de klassenapp heb ik gezet welke kinderen de fruitdienst hebben")]
    public void Detect_LossWithoutDataOrQuestionAboutAccess_IsNoReport(string message)
    {
        // A charger or an empty stick holds no personal data; who may get in, asking for rights or having too few is no breach.
        Assert.Null(Product.Value.Detect(message));
    }

    [Fact]
    public void Detect_Match_NamesTheLineOfThePattern()
    {
        var detector = Over("# comment\n\nlaptop + kwijt\n");

        var match = detector.Detect("Laptops kwijt");

        Assert.Equal(new BreachIntentMatch(3, "laptop + kwijt"), match);
    }

    [Fact]
    public void Parse_EmptyAlternative_NamesFileAndLine()
    {
        var error = Assert.Throws<KnowledgeLoadException>(() => Over("laptop + kwijt\nlaptop || tablet + weg\n"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(KnowledgeLoader.BreachIntentsFile, problem.File);
        Assert.StartsWith("line 2:", problem.Message);
    }
}
