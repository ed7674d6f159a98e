using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivacyAssistant.Breaches;
using PrivacyAssistant.Breaches.Notifications;
using PrivacyAssistant.Breaches.Register;
using PrivacyAssistant.Breaches.Reports;
using PrivacyAssistant.Conversations.Breaches;
using PrivacyAssistant.Conversations.Cards;
using PrivacyAssistant.Conversations.Tests.Support;
using PrivacyAssistant.Testing.Cards;

namespace PrivacyAssistant.Conversations.Tests.Breaches;

/// <summary>Every breach card, rendered with realistic data in both languages, is valid Adaptive Card 1.5 and accessible.</summary>
public sealed class BreachCardsTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-03-10T12:00:00Z"));
    private readonly BreachCards cards = new(new CardLibrary(), Options.Create(new BreachesOptions()), Clock);

    public static TheoryData<string, string> Cards()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "nl", "en" })
        {
            foreach (var card in new[] { "form", "form-problems", "confirmation", "list-officer", "list-mine", "list-empty", "detail-officer", "detail-officer-problems", "detail-discovery-problems", "detail-closed", "detail-reporter", "alert-new", "alert-overdue", "confirmation-access", "detail-officer-access", "alert-access" })
            {
                data.Add(card, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Card_IsValidAdaptiveCard15AndAccessible(string name, string language)
    {
        var card = Render(name, language);

        Assert.Empty(AdaptiveCardSchema.Validate(card));
        Assert.Empty(AdaptiveCardSchema.AccessibilityProblems(card));
        Assert.Equal("1.5", card["version"]?.GetValue<string>());
    }

    [Fact]
    public void Form_HasExecuteSubmitWithSubmitFallbackCarryingTheSameData()
    {
        var card = cards.Form("nl", "sub-1", "Jan de Vries");

        var execute = card["actions"]![0]!;
        Assert.Equal("Action.Execute", execute["type"]!.GetValue<string>());
        Assert.Equal("breach.submit", execute["verb"]!.GetValue<string>());
        Assert.Equal("sub-1", execute["data"]!["submissionId"]!.GetValue<string>());
        var fallback = execute["fallback"]!;
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal("breach.submit", fallback["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("sub-1", fallback["data"]!["submissionId"]!.GetValue<string>());
    }

    [Fact]
    public void Form_RequiredInputsHaveErrorMessagesAndEveryKindIsAChoice()
    {
        var inputs = Inputs(cards.Form("nl", "sub-1", null)).ToDictionary(input => input["id"]!.GetValue<string>());

        foreach (var id in new[] { "kind", "occurredDate", "discoveredDate", "discoveredTime", "categories", "groups", "count", "protection", "description" })
        {
            Assert.True(inputs[id]["isRequired"]?.GetValue<bool>(), id);
            Assert.False(string.IsNullOrWhiteSpace(inputs[id]["errorMessage"]?.GetValue<string>()), id);
        }

        Assert.Equal(Codes.All<BreachKind>().Select(Codes.Of), inputs["kind"]["choices"]!.AsArray().Select(choice => choice!["value"]!.GetValue<string>()));
        Assert.Equal("2026-03-10", inputs["discoveredDate"]["value"]!.GetValue<string>());
        Assert.Equal("13:00", inputs["discoveredTime"]["value"]!.GetValue<string>());
        Assert.True(inputs["categories"]["isMultiSelect"]!.GetValue<bool>());
    }

    [Fact]
    public void Form_WithProblems_KeepsTheInputAndShowsTheMessagesNextToTheFields()
    {
        var draft = new BreachReportDraft { Kind = "usb-stick", Description = "Stick kwijt", Categories = "grades,bsn" };
        var card = cards.Form("nl", "sub-1", null, draft, [new FieldProblem("groups", "required"), new FieldProblem("occurredTime", "occurred-after-discovered")]);
        var json = card.ToJsonString();
        var inputs = Inputs(card).ToDictionary(input => input["id"]!.GetValue<string>());

        Assert.Equal("usb-stick", inputs["kind"]["value"]!.GetValue<string>());
        Assert.Equal("Stick kwijt", inputs["description"]["value"]!.GetValue<string>());
        Assert.Equal("grades,bsn", inputs["categories"]["value"]!.GetValue<string>());
        Assert.Contains("Dit veld is verplicht.", json);
        Assert.Contains("Het datalek kan niet later gebeurd zijn dan het ontdekt is.", json);
    }

    [Fact]
    public void Confirmation_ShowsReferenceAndAdviceForTheKind()
    {
        var json = cards.Confirmation("nl", Report(BreachKind.LostDevice)).ToJsonString();

        Assert.Contains("DL-2026-0001", json);
        Assert.Contains("op afstand blokkeren of wissen", json);
        Assert.Contains("72 uur", json);
    }

    [Theory]
    [InlineData("nl", "Onbevoegde toegang of gegevens zichtbaar voor anderen", "Iets anders")]
    [InlineData("en", "Unauthorised access or data visible to others", "Something else")]
    public void Form_OffersUnauthorisedAccessJustBeforeSomethingElse(string language, string label, string other)
    {
        var kind = Inputs(cards.Form(language, "sub-1", null)).Single(input => input["id"]!.GetValue<string>() == "kind");
        var choices = kind["choices"]!.AsArray().Select(choice => (Title: choice!["title"]!.GetValue<string>(), Value: choice["value"]!.GetValue<string>())).ToList();

        Assert.Equal("unauthorised-access", choices[^2].Value);
        Assert.StartsWith(label, choices[^2].Title);
        Assert.Equal(("other", other), (choices[^1].Value, choices[^1].Title));
    }

    [Fact]
    public void Form_PreselectsUnauthorisedAccess()
    {
        var kind = Inputs(cards.Form("nl", "sub-1", null, preselectKind: "unauthorised-access")).Single(input => input["id"]!.GetValue<string>() == "kind");

        Assert.Equal("unauthorised-access", kind["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("nl", "Onbevoegde toegang of gegevens zichtbaar voor anderen", "Noteer wie wat kon zien of openen en sinds wanneer")]
    [InlineData("en", "Unauthorised access or data visible to others", "Write down who could see or open what, and since when")]
    public void Confirmation_ForUnauthorisedAccess_ShowsTheKindAndItsAdvice(string language, string label, string advice)
    {
        var card = cards.Confirmation(language, Report(BreachKind.UnauthorisedAccess));

        Assert.Contains(label, card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(Texts(card), text => text.Contains(advice, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nl", "Onbevoegde toegang of gegevens zichtbaar voor anderen")]
    [InlineData("en", "Unauthorised access or data visible to others")]
    public void DetailAndAlert_ForOfficers_ShowUnauthorisedAccessAsWhatHappened(string language, string label)
    {
        var report = Report(BreachKind.UnauthorisedAccess);

        Assert.Contains(label, cards.Detail(language, report, [], isOfficer: true).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(label, cards.Alert(language, BreachNotificationKind.Reported, report).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void List_ForOfficers_CountsDownFromDiscovery()
    {
        var report = Report(BreachKind.LostDevice) with { DiscoveredAt = Clock.GetUtcNow().AddHours(-50) };

        var json = cards.List("nl", [report], isOfficer: true).ToJsonString();

        Assert.Contains("nog 22 uur", json);
        Assert.Contains("breach.export", json);
    }

    [Fact]
    public void Detail_ForReporters_HidesTheRegisterAndTheDecisionForms()
    {
        var json = cards.Detail("nl", Report(BreachKind.LostDevice), [], isOfficer: false).ToJsonString();

        Assert.DoesNotContain("breach.decide", json);
        Assert.DoesNotContain("Hint (geen besluit)", json);
        Assert.DoesNotContain("Jan de Vries", json);
    }

    [Fact]
    public void Detail_ForOfficers_DecisionInputsHaveTheRegistersLimits()
    {
        var inputs = Inputs(cards.Detail("nl", Report(BreachKind.LostDevice), [], isOfficer: true)).ToDictionary(input => input["id"]!.GetValue<string>());

        Assert.Equal(DecisionFields.ApReferenceMaxLength, inputs[DecisionFields.ApReference]["maxLength"]!.GetValue<int>());
        foreach (var field in new[] { DecisionFields.ApReason, DecisionFields.SubjectsReason, DecisionFields.Consequences, DecisionFields.RemedialActions })
        {
            Assert.Equal(DecisionFields.TextMaxLength, inputs[field]["maxLength"]!.GetValue<int>());
        }

        Assert.Equal("Input.Time", inputs[DecisionFields.ApNotifiedTime]["type"]!.GetValue<string>());
    }

    [Fact]
    public void Detail_WithProblemsInTheApTimeAndReference_ShowsEachUnderItsInput()
    {
        var problems = new[] { new FieldProblem(DecisionFields.ApNotifiedTime, "invalid-time"), new FieldProblem(DecisionFields.ApReference, "too-long", DecisionFields.ApReferenceMaxLength) };
        var form = new JsonObject { ["apNotified"] = "yes", ["apNotifiedTime"] = "9 uur", ["apReference"] = "M-1" };

        var json = cards.Detail("nl", Report(BreachKind.LostDevice), [], isOfficer: true, problems, form).ToJsonString();

        Assert.Contains("Vul een geldige tijd in (uu:mm).", json);
        Assert.Contains("Deze tekst is te lang (maximaal 100 tekens).", json);
        Assert.Contains("\"9 uur\"", json);
    }

    [Fact]
    public void Detail_ForOfficers_OffersTheDiscoveryCorrectionPrefilledWithTheReportersTime()
    {
        var card = cards.Detail("nl", Report(BreachKind.LostDevice), [], isOfficer: true);
        var inputs = Inputs(card).ToDictionary(input => input["id"]!.GetValue<string>());

        // Discovered 10:00Z = 11:00 at school (CET).
        Assert.Equal(("Input.Date", "2026-03-10", "2026-03-10"), (inputs[DecisionFields.DiscoveryDate]["type"]!.GetValue<string>(), inputs[DecisionFields.DiscoveryDate]["value"]!.GetValue<string>(), inputs[DecisionFields.DiscoveryDate]["max"]!.GetValue<string>()));
        Assert.Equal(("Input.Time", "11:00"), (inputs[DecisionFields.DiscoveryTime]["type"]!.GetValue<string>(), inputs[DecisionFields.DiscoveryTime]["value"]!.GetValue<string>()));
        Assert.Equal(DecisionFields.TextMaxLength, inputs[DecisionFields.DiscoveryReason]["maxLength"]!.GetValue<int>());
        Assert.Contains("\"breach.decide.discovery\"", card.ToJsonString());
        Assert.DoesNotContain("breach.decide.discovery", cards.Detail("nl", Report(BreachKind.LostDevice), [], isOfficer: false).ToJsonString());
    }

    [Fact]
    public void Detail_WithHalfFilledDiscoveryCorrection_ShowsEachProblemUnderItsInputAndKeepsTheInput()
    {
        var json = Render("detail-discovery-problems", "nl").ToJsonString();

        Assert.Contains("Dit veld is verplicht.", json);
        Assert.Contains("Vul een geldige tijd in (uu:mm).", json);
        Assert.Contains("Geef een reden.", json);
        Assert.Contains("\"9 uur\"", json);
    }

    [Theory]
    [InlineData("nl", "ontdekkingstijd gecorrigeerd: vr 6 mrt 2026 08:00 → di 10 mrt 2026 11:00")]
    [InlineData("en", "discovery time corrected: Fri 6 Mar 2026 08:00 → Tue 10 Mar 2026 11:00")]
    public void Detail_TrailWithADiscoveryCorrection_ShowsTheOldAndNewTimeAndTheEscapedReason(string language, string expected)
    {
        var card = cards.Detail(language, Report(BreachKind.LostDevice), [DiscoveryEntry("Laptop **vrijdag** al gemist.")], isOfficer: true);
        var texts = Texts(card).ToList();

        var line = Assert.Single(texts, text => text.Contains(expected, StringComparison.Ordinal));
        Assert.EndsWith(@" · Laptop \*\*vrijdag\*\* al gemist.", line);
    }

    private static DecisionEntry DiscoveryEntry(string reason) => new(
        Clock.GetUtcNow(),
        new Officer("o", "Fatima Bakker"),
        "discovery",
        new JsonObject { ["discoveredAt"] = "2026-03-10T10:00:00+00:00", ["reason"] = reason, ["previousDiscoveredAt"] = "2026-03-06T07:00:00+00:00" }.ToJsonString());

    private JsonObject Render(string name, string language)
    {
        var report = Report(BreachKind.EmailWrongRecipient);
        var closed = report with { ApNotified = false, ApReason = "Eén ontvanger", SubjectsInformed = false, SubjectsReason = "Geen risico", RemedialActions = "Verwijderd", ClosedAt = Clock.GetUtcNow() };
        var trail = new[] { new DecisionEntry(Clock.GetUtcNow(), new Officer("o", "Fatima Bakker"), "ap", "{}"), DiscoveryEntry("Laptop **vrijdag** al gemist.") };
        return name switch
        {
            "form" => cards.Form(language, "sub-1", "Jan de Vries"),
            "form-problems" => cards.Form(language, "sub-1", null, new BreachReportDraft { Kind = "other" }, [new FieldProblem("description", "too-long", 2000), new FieldProblem("kind", "invalid-choice")]),
            "confirmation" => cards.Confirmation(language, report),
            "list-officer" => cards.List(language, [report, closed], isOfficer: true),
            "list-mine" => cards.List(language, [report], isOfficer: false),
            "list-empty" => cards.List(language, [], isOfficer: true),
            "detail-officer" => cards.Detail(language, report, trail, isOfficer: true, message: "Opgeslagen"),
            "detail-officer-problems" => cards.Detail(language, report, trail, isOfficer: true, [new FieldProblem(DecisionFields.ApReason, "reason-required")], new JsonObject { ["apNotified"] = "no" }),
            "detail-discovery-problems" => cards.Detail(language, report, trail, isOfficer: true, [new FieldProblem(DecisionFields.DiscoveryDate, "required"), new FieldProblem(DecisionFields.DiscoveryTime, "invalid-time"), new FieldProblem(DecisionFields.DiscoveryReason, "reason-required")], new JsonObject { ["discoveryTime"] = "9 uur" }),
            "detail-closed" => cards.Detail(language, closed, trail, isOfficer: true),
            "detail-reporter" => cards.Detail(language, report, [], isOfficer: false),
            "alert-new" => cards.Alert(language, BreachNotificationKind.Reported, report),
            "confirmation-access" => cards.Confirmation(language, Report(BreachKind.UnauthorisedAccess)),
            "detail-officer-access" => cards.Detail(language, Report(BreachKind.UnauthorisedAccess), trail, isOfficer: true),
            "alert-access" => cards.Alert(language, BreachNotificationKind.Reported, Report(BreachKind.UnauthorisedAccess)),
            _ => cards.Alert(language, BreachNotificationKind.DecisionOverdue, report),
        };
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => pair.Key == "text" && pair.Value is JsonValue value && value.TryGetValue<string>(out var text) ? [text] : Texts(pair.Value)),
        JsonArray array => array.SelectMany(Texts),
        _ => [],
    };

    private static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true => [obj],
        JsonObject obj => obj.SelectMany(pair => Inputs(pair.Value)),
        JsonArray array => array.SelectMany(Inputs),
        _ => [],
    };

    private static BreachReport Report(BreachKind kind) => new()
    {
        Id = 1,
        Reference = "DL-2026-0001",
        Kind = kind,
        OccurredAt = Clock.GetUtcNow().AddHours(-3),
        OccurredTimeKnown = true,
        DiscoveredAt = Clock.GetUtcNow().AddHours(-2),
        ReportedAt = Clock.GetUtcNow(),
        Categories = [DataCategory.Grades, DataCategory.Bsn],
        Groups = [AffectedGroup.Students],
        Count = AffectedCount.UpTo100,
        Protection = Protection.None,
        Measures = "Ontvanger gebeld.",
        Description = "Cijferlijst naar de verkeerde ouder gemaild.",
        Reporter = new Reporter("aad-1", "Jan de Vries"),
    };
}
