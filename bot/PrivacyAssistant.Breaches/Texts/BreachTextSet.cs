namespace PrivacyAssistant.Breaches.Texts;

/// <summary>All user-facing breach texts of one language (from <c>Texts/breach-texts.json</c>).</summary>
public sealed class BreachTextSet
{
    public string Language { get; set; } = "nl";

    public Dictionary<string, string> Kinds { get; set; } = [];

    public Dictionary<string, string> Categories { get; set; } = [];

    public Dictionary<string, string> Groups { get; set; } = [];

    public Dictionary<string, string> Counts { get; set; } = [];

    public Dictionary<string, string> Protection { get; set; } = [];

    public Dictionary<string, string> Problems { get; set; } = [];

    public Dictionary<string, string> Risk { get; set; } = [];

    public Dictionary<string, string> RiskReasons { get; set; } = [];

    public string RiskHintLabel { get; set; } = string.Empty;

    public Dictionary<string, List<string>> Advice { get; set; } = [];

    public List<string> NextSteps { get; set; } = [];

    public string Problem(Reports.FieldProblem problem) =>
        Problems.TryGetValue(problem.Code, out var text)
            ? text.Replace("{max}", problem.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal)
            : problem.Code;
}
